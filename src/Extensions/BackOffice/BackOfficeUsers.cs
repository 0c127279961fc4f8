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
            return (null, [.. created.Errors.Select(e => e.Description).Distinct()]);
        }

        var added = await users.AddToRolesAsync(user, roleNames);
        return added.Succeeded ? (user, []) : (null, [.. added.Errors.Select(e => e.Description).Distinct()]);
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

    /// <summary>Every account with its roles, for the users screen (a few dozen people: two queries).</summary>
    public async Task<IReadOnlyList<BackOfficeAccount>> ListAsync(CancellationToken ct = default)
    {
        var accounts = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var result = new List<BackOfficeAccount>(accounts.Count);
        foreach (var user in accounts)
        {
            result.Add(Account(user, await users.GetRolesAsync(user)));
        }

        return result;
    }

    public async Task<BackOfficeAccount?> GetAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null ? null : Account(user, await users.GetRolesAsync(user));
    }

    /// <summary>
    /// Gives a user exactly these roles. Refused when an administrator would take the role from themselves, or when
    /// no administrator would be left; the user's other sessions end within a minute (their security stamp changes).
    /// </summary>
    public async Task<UserChange> SetRolesAsync(string userId, IReadOnlyCollection<string> roleNames, string actingUserId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChange.NotFound;
        }

        var wanted = roleNames.Where(r => BackOfficeRoles.All.Contains(r)).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0 || wanted.Count != roleNames.Distinct(StringComparer.Ordinal).Count())
        {
            return UserChange.Refused(UserChangeProblem.NoRole);
        }

        await EnsureRolesAsync();
        var current = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        if (current.Contains(BackOfficeRoles.Administrator) && !wanted.Contains(BackOfficeRoles.Administrator))
        {
            if (userId == actingUserId)
            {
                return UserChange.Refused(UserChangeProblem.OwnAccount);
            }

            if ((await users.GetUsersInRoleAsync(BackOfficeRoles.Administrator)).Count <= 1)
            {
                return UserChange.Refused(UserChangeProblem.LastAdministrator);
            }
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!added.Succeeded)
        {
            return UserChange.Failed([.. added.Errors.Select(e => e.Description).Distinct()]);
        }

        await users.UpdateSecurityStampAsync(user);
        return UserChange.Done;
    }

    /// <summary>Limits a user to a subtree (the page's key), or lifts the limit (null).</summary>
    public async Task<UserChange> SetStartNodeAsync(string userId, Guid? startNode)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChange.NotFound;
        }

        user.StartNodeKey = startNode;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return UserChange.Failed([.. updated.Errors.Select(e => e.Description).Distinct()]);
        }

        await users.UpdateSecurityStampAsync(user);
        return UserChange.Done;
    }

    /// <summary>Locks an account until unlocked (never one's own), or unlocks it and forgets its failed attempts.</summary>
    public async Task<UserChange> SetLockedAsync(string userId, bool locked, string actingUserId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChange.NotFound;
        }

        if (locked && userId == actingUserId)
        {
            return UserChange.Refused(UserChangeProblem.OwnAccount);
        }

        await users.SetLockoutEnabledAsync(user, true);
        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        else
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return result.Succeeded ? UserChange.Done : UserChange.Failed([.. result.Errors.Select(e => e.Description).Distinct()]);
    }

    /// <summary>Turns two-step sign-in off and forgets the authenticator key and recovery codes (a lost phone).</summary>
    public async Task<UserChange> ResetTwoFactorAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChange.NotFound;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.UpdateSecurityStampAsync(user);
        return UserChange.Done;
    }

    private BackOfficeAccount Account(BackOfficeUser user, IEnumerable<string> roleNames) => new(
        user.Id,
        user.Email ?? user.UserName ?? user.Id,
        user.DisplayName,
        [.. roleNames.Order(StringComparer.Ordinal)],
        user.StartNodeKey,
        user.UiCulture,
        user.LockoutEnd is { } end && end > clock.GetUtcNow(),
        user.TwoFactorEnabled,
        user.CreatedUtc,
        user.LastSignInUtc);

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

/// <summary>A back-office account as the users screen shows it.</summary>
public sealed record BackOfficeAccount(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    Guid? StartNodeKey,
    string UiCulture,
    bool Locked,
    bool TwoFactorEnabled,
    DateTime CreatedUtc,
    DateTime? LastSignInUtc);

/// <summary>The outcome of a change to an account: done, no such account, refused (and why), or Identity's own messages.</summary>
public sealed record UserChange(UserChangeStatus Status, UserChangeProblem? Problem = null, IReadOnlyList<string>? Messages = null)
{
    public static readonly UserChange Done = new(UserChangeStatus.Done);

    public static readonly UserChange NotFound = new(UserChangeStatus.NotFound);

    public bool Succeeded => Status == UserChangeStatus.Done;

    public static UserChange Refused(UserChangeProblem problem) => new(UserChangeStatus.Refused, problem);

    public static UserChange Failed(IReadOnlyList<string> messages) => new(UserChangeStatus.Refused, null, messages);
}

public enum UserChangeStatus
{
    Done,
    NotFound,
    Refused,
}

/// <summary>Why a change to an account was refused; each has <c>BackOffice.Users.Error.{name}</c> in the dictionary.</summary>
public enum UserChangeProblem
{
    NoRole,
    OwnAccount,
    LastAdministrator,
}
