using Microsoft.AspNetCore.Identity;

namespace Spcncl.Persistence.Entities;

/// <summary>A person who works in the back office (ASP.NET Core Identity's user, stored in the site's database).</summary>
public sealed class BackOfficeUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The language of the back office's own screens for this person (<c>vi</c> or <c>en</c>).</summary>
    public string UiCulture { get; set; } = "vi";

    /// <summary>The page whose subtree this person may work in; null for the whole site.</summary>
    public Guid? StartNodeKey { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? LastSignInUtc { get; set; }
}
