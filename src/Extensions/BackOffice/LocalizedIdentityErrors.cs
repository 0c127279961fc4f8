using Microsoft.AspNetCore.Identity;
using Spcncl.Localization;

namespace Spcncl.BackOffice;

/// <summary>
/// Identity's messages (the password rules, an address already in use) in the language of the person's back office,
/// from the dictionary, instead of Identity's built-in English.
/// </summary>
public sealed class LocalizedIdentityErrors(SiteText text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Localize(base.DefaultError(), "BackOffice.Identity.DefaultError");

    public override IdentityError ConcurrencyFailure() => Localize(base.ConcurrencyFailure(), "BackOffice.Identity.ConcurrencyFailure");

    public override IdentityError PasswordMismatch() => Localize(base.PasswordMismatch(), "BackOffice.Identity.PasswordMismatch");

    public override IdentityError InvalidToken() => Localize(base.InvalidToken(), "BackOffice.Identity.InvalidToken");

    public override IdentityError InvalidEmail(string? email) => Localize(base.InvalidEmail(email), "BackOffice.Identity.InvalidEmail", email);

    public override IdentityError InvalidUserName(string? userName) => Localize(base.InvalidUserName(userName), "BackOffice.Identity.InvalidEmail", userName);

    public override IdentityError DuplicateEmail(string email) => Localize(base.DuplicateEmail(email), "BackOffice.Identity.DuplicateEmail", email);

    public override IdentityError DuplicateUserName(string userName) => Localize(base.DuplicateUserName(userName), "BackOffice.Identity.DuplicateEmail", userName);

    public override IdentityError UserAlreadyInRole(string role) => Localize(base.UserAlreadyInRole(role), "BackOffice.Identity.UserAlreadyInRole", role);

    public override IdentityError PasswordTooShort(int length) => Localize(base.PasswordTooShort(length), "BackOffice.Identity.PasswordTooShort", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Localize(base.PasswordRequiresUniqueChars(uniqueChars), "BackOffice.Identity.PasswordRequiresUniqueChars", uniqueChars);

    public override IdentityError PasswordRequiresDigit() => Localize(base.PasswordRequiresDigit(), "BackOffice.Identity.PasswordRequiresDigit");

    public override IdentityError PasswordRequiresLower() => Localize(base.PasswordRequiresLower(), "BackOffice.Identity.PasswordRequiresLower");

    public override IdentityError PasswordRequiresUpper() => Localize(base.PasswordRequiresUpper(), "BackOffice.Identity.PasswordRequiresUpper");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Localize(base.PasswordRequiresNonAlphanumeric(), "BackOffice.Identity.PasswordRequiresNonAlphanumeric");

    public override IdentityError RecoveryCodeRedemptionFailed() => Localize(base.RecoveryCodeRedemptionFailed(), "BackOffice.Identity.InvalidToken");

    /// <summary>Identity's error with the dictionary's text, or as Identity wrote it when the dictionary is not loaded (the command line).</summary>
    private IdentityError Localize(IdentityError error, string key, params object?[] args) =>
        text.TryGet(key) is null ? error : new IdentityError { Code = error.Code, Description = text.Format(key, args) };
}
