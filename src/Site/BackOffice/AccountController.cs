using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;
using Spcncl.Localization;
using Spcncl.Persistence.Entities;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// Signing in and out, and one's own account: the password (lockout after five failures for fifteen minutes, shown
/// as such), an authenticator app as a second factor (QR set-up, recovery codes), and the screens' language.
/// Return addresses are local only.
/// </summary>
[Route(BackOfficeHost.Path)]
public sealed class AccountController(
    SignInManager<BackOfficeUser> signIn,
    UserManager<BackOfficeUser> users,
    BackOfficeContext context,
    SiteCultures cultures,
    TimeProvider clock) : BackOfficeControllerBase(context)
{
    private const string Issuer = "SPCNCL";

    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl)
    {
        BackOfficeScreen.Prepare(HttpContext, null);
        return View("~/Views/BackOffice/SignIn.cshtml", new SignInForm { ReturnUrl = LocalOnly(returnUrl) });
    }

    [AllowAnonymous]
    [HttpPost("sign-in")]
    [EnableRateLimiting(BackOfficeHost.SignInLimit)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        BackOfficeScreen.Prepare(HttpContext, null);
        form.ReturnUrl = LocalOnly(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
        {
            return SignInAgain(form, "BackOffice.SignIn.Missing");
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            return SignInAgain(form, "BackOffice.SignIn.Failed");
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = form.ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            await BackOffice.RecordAsync("SignInLockedOut", "account locked after repeated failures", user.UserName);
            return SignInAgain(form, "BackOffice.SignIn.LockedOut");
        }

        if (!result.Succeeded)
        {
            return SignInAgain(form, "BackOffice.SignIn.Failed");
        }

        await SignedInAsync(user);
        return LocalRedirect(form.ReturnUrl ?? BackOfficeHost.Path);
    }

    [AllowAnonymous]
    [HttpGet("sign-in/two-factor")]
    public async Task<IActionResult> TwoFactor(string? returnUrl)
    {
        BackOfficeScreen.Prepare(HttpContext, null);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        return View("~/Views/BackOffice/TwoFactor.cshtml", new TwoFactorForm { ReturnUrl = LocalOnly(returnUrl) });
    }

    [AllowAnonymous]
    [HttpPost("sign-in/two-factor")]
    [EnableRateLimiting(BackOfficeHost.SignInLimit)]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form)
    {
        BackOfficeScreen.Prepare(HttpContext, null);
        form.ReturnUrl = LocalOnly(form.ReturnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToAction(nameof(SignIn));
        }

        // Recovery codes are written with a hyphen (ABCDE-12345); authenticator codes are six digits, often typed with spaces.
        var code = new string([.. (form.Code ?? "").Where(c => !char.IsWhiteSpace(c) && (form.UseRecoveryCode || c != '-'))]);
        var result = form.UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.IsLockedOut)
        {
            form.Error = "BackOffice.SignIn.LockedOut";
        }
        else if (!result.Succeeded)
        {
            form.Error = "BackOffice.TwoFactor.Wrong";
        }
        else
        {
            await SignedInAsync(user);
            return LocalRedirect(form.ReturnUrl ?? BackOfficeHost.Path);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Code = null;
        return View("~/Views/BackOffice/TwoFactor.cshtml", form);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutNow()
    {
        await BackOffice.RecordAsync("SignOut", "signed out");
        await signIn.SignOutAsync();
        return LocalRedirect(BackOfficeHost.Path + "/sign-in");
    }

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied()
    {
        BackOfficeScreen.Prepare(HttpContext, null);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Views/BackOffice/Refused.cshtml");
    }

    /// <summary>The screens' language before sign-in (a cookie); after sign-in it is part of the account.</summary>
    [AllowAnonymous]
    [HttpGet("language/{culture}")]
    public IActionResult Language(string culture, string? returnUrl)
    {
        if (cultures.IsSupported(culture))
        {
            BackOfficeScreen.RememberLanguage(Response, Request.IsHttps, culture);
        }

        return LocalRedirect(LocalOnly(returnUrl) ?? BackOfficeHost.Path + "/sign-in");
    }

    [HttpGet("account")]
    public async Task<IActionResult> Account()
    {
        var user = (await users.FindByIdAsync(Me.UserId))!;
        return View("~/Views/BackOffice/Account.cshtml", await AccountViewAsync(user));
    }

    [HttpPost("account/language")]
    public async Task<IActionResult> ChangeLanguage(string culture)
    {
        var user = (await users.FindByIdAsync(Me.UserId))!;
        if (cultures.IsSupported(culture))
        {
            user.UiCulture = culture;
            await users.UpdateAsync(user);
            BackOfficeScreen.RememberLanguage(Response, Request.IsHttps, culture);
        }

        return RedirectToAction(nameof(Account));
    }

    [HttpPost("account/password")]
    public async Task<IActionResult> ChangePassword(string? current, string? next)
    {
        var user = (await users.FindByIdAsync(Me.UserId))!;
        var result = await users.ChangePasswordAsync(user, current ?? "", next ?? "");
        var view = await AccountViewAsync(user);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("~/Views/BackOffice/Account.cshtml", view with { PasswordErrors = [.. result.Errors.Select(e => e.Description)] });
        }

        await signIn.RefreshSignInAsync(user);
        await BackOffice.RecordAsync("PasswordChanged", "changed own password");
        return View("~/Views/BackOffice/Account.cshtml", view with { PasswordChanged = true });
    }

    /// <summary>Starts two-factor set-up: a new authenticator key, shown as a QR code and as text.</summary>
    [HttpPost("account/two-factor/start")]
    public async Task<IActionResult> StartTwoFactor()
    {
        var user = (await users.FindByIdAsync(Me.UserId))!;
        await users.ResetAuthenticatorKeyAsync(user);
        return RedirectToAction(nameof(Account));
    }

    [HttpPost("account/two-factor/confirm")]
    public async Task<IActionResult> ConfirmTwoFactor(string? code)
    {
        var user = (await users.FindByIdAsync(Me.UserId))!;
        var digits = new string([.. (code ?? "").Where(char.IsAsciiDigit)]);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("~/Views/BackOffice/Account.cshtml", await AccountViewAsync(user) with { TwoFactorError = true });
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await BackOffice.RecordAsync("TwoFactorEnabled", "authenticator app added");
        return View("~/Views/BackOffice/Account.cshtml", await AccountViewAsync(user) with { RecoveryCodes = [.. recovery ?? []] });
    }

    [HttpPost("account/two-factor/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = (await users.FindByIdAsync(Me.UserId))!;
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Account));
        }

        var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return View("~/Views/BackOffice/Account.cshtml", await AccountViewAsync(user) with { RecoveryCodes = [.. recovery ?? []] });
    }

    [HttpPost("account/two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = (await users.FindByIdAsync(Me.UserId))!;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await BackOffice.RecordAsync("TwoFactorDisabled", "authenticator app removed");
        return RedirectToAction(nameof(Account));
    }

    private async Task<AccountView> AccountViewAsync(BackOfficeUser user)
    {
        string? setupKey = null;
        string? qr = null;
        if (!user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            setupKey = FormatKey(key);
            var uri = $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(user.Email!)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            qr = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(5, "#000000", "#ffffff", drawQuietZones: true)));
        }

        return new AccountView(user.Email!, user.DisplayName, user.UiCulture, Me.Roles.Order(StringComparer.Ordinal).ToList(), user.TwoFactorEnabled, setupKey, qr,
            await users.CountRecoveryCodesAsync(user));
    }

    private static string FormatKey(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();

    private async Task SignedInAsync(BackOfficeUser user)
    {
        BackOfficeScreen.RememberLanguage(Response, Request.IsHttps, user.UiCulture);
        user.LastSignInUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await BackOffice.RecordAsync("SignIn", "signed in", user.UserName);
    }

    private ViewResult SignInAgain(SignInForm form, string error)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Error = error;
        form.Password = null;
        return View("~/Views/BackOffice/SignIn.cshtml", form);
    }

    /// <summary>A return address only when it is a back-office path of this site; anything else is dropped.</summary>
    private string? LocalOnly(string? url) =>
        url is not null && Url.IsLocalUrl(url) && url.StartsWith(BackOfficeHost.Path, StringComparison.Ordinal) && !url.StartsWith(BackOfficeHost.Path + "/sign-", StringComparison.Ordinal) ? url : null;
}

public sealed class SignInForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>A dictionary key.</summary>
    public string? Error { get; set; }
}

public sealed class TwoFactorForm
{
    public string? Code { get; set; }

    public bool UseRecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }

    public string? Error { get; set; }
}

/// <param name="SetupKey">While setting up an authenticator: the key, in groups of four.</param>
/// <param name="QrCode">While setting up: the otpauth URI as a QR code (a data: URL).</param>
public sealed record AccountView(
    string Email,
    string DisplayName,
    string UiCulture,
    IReadOnlyList<string> Roles,
    bool TwoFactorEnabled,
    string? SetupKey,
    string? QrCode,
    int RecoveryCodesLeft)
{
    public IReadOnlyList<string> RecoveryCodes { get; init; } = [];

    public IReadOnlyList<string> PasswordErrors { get; init; } = [];

    public bool PasswordChanged { get; init; }

    public bool TwoFactorError { get; init; }
}
