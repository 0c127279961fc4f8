using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.BackOffice;

/// <summary>
/// Creating and reading back-office users through Identity's own managers (password policy, hashing, lockout): the
/// first administrator from the command line, the demo accounts in Development, and the identity of a request.
/// </summary>
public sealed class BackOfficeUsers(UserManager<BackOfficeUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>The demo accounts made in Development only, one per role (README lists them).</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string Role)> DemoAccounts =
    [
        ("admin@spcncl.test", "Quản trị viên", BackOfficeRoles.Administrator),
        ("editor@spcncl.test", "Biên tập viên", BackOfficeRoles.Editor),
        ("press@spcncl.test", "Phóng viên", BackOfficeRoles.Press),
        ("translator@spcncl.test", "Translator", BackOfficeRoles.Translator),
        ("registry@spcncl.test", "Cán bộ đăng ký", BackOfficeRoles.RegistryClerk),
    ];

    /// <summary>The Development password of every demo account (nothing like it exists outside Development).</summary>
    public const string DemoPassword = "Demo-Password-2026";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in BackOfficeRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates a user with one or more roles; Identity's errors (a weak password, a taken email) come back as messages.</summary>
    public async Task<(BackOfficeUser? User, IReadOnlyList<string> Errors)> CreateAsync(string email, string displayName, string password, IEnumerable<string> roleNames, string uiCulture = "vi", Guid? startNode = null)
    {
        await EnsureRolesAsync();
        var user = new BackOfficeUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            UiCulture = uiCulture,
            StartNodeKey = startNode,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, [.. created.Errors.Select(e => e.Description)]);
        }

        var added = await users.AddToRolesAsync(user, roleNames);
        return added.Succeeded ? (user, []) : (null, [.. added.Errors.Select(e => e.Description)]);
    }

    public Task<BackOfficeUser?> FindAsync(string email) => users.FindByEmailAsync(email);

    /// <summary>Makes the demo accounts that do not exist yet (Development only; the caller checks).</summary>
    public async Task EnsureDemoAccountsAsync()
    {
        foreach (var (email, name, role) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                await CreateAsync(email, name, DemoPassword, [role], role == BackOfficeRoles.Translator ? "en" : "vi");
            }
        }
    }

    /// <summary>The identity of a signed-in user id, or null when the account no longer exists.</summary>
    public async Task<BackOfficeIdentity?> IdentityAsync(string userId)
    {
        var user = await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return null;
        }

        var roleNames = await users.GetRolesAsync(user);
        return new BackOfficeIdentity(user.Id, user.UserName ?? user.Email ?? user.Id, user.DisplayName, roleNames.ToHashSet(StringComparer.Ordinal), user.StartNodeKey, user.UiCulture);
    }
}
