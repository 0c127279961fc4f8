using Spcncl.Forms;
using Microsoft.EntityFrameworkCore;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;
using Spcncl.Registry.Enquiries;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Registry;

/// <summary>
/// A buyer's enquiry to a supplier: checked field by field, stored before any mail is sent, then mailed to the
/// programme's inbox and the enterprise. When SMTP fails nothing is lost: the enquiry stays, marked failed with why.
/// </summary>
public sealed class EnquiryTests
{
    private static EnquiryInput Valid() => new()
    {
        Name = "Anna Schmidt",
        Company = "Müller Maschinenbau GmbH",
        Country = "Germany",
        Email = "anna.schmidt@example.de",
        Message = "We would like a quotation for 20 units.\nDelivery to Hamburg.",
        MeetAtFair = true,
    };

    [Fact]
    public void Validate_ACompleteEnquiry_HasNoErrors()
    {
        Assert.Empty(EnquiryService.Validate(Valid()));
        Assert.Empty(EnquiryService.Validate(new EnquiryInput { Name = "Lê Văn Bình", Country = "Việt Nam", Email = "binh@congty.vn", Message = "Xin báo giá." }));
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("anna@")]
    [InlineData("@example.de")]
    [InlineData("anna schmidt@example.de")]
    [InlineData("anna@localhost")]
    [InlineData("Anna <anna@example.de>")]
    [InlineData("anna@example.de\r\nBcc: everyone@example.com")]
    [InlineData("anna@@example.de")]
    public void Validate_InvalidEmail_IsAnEmailError(string email)
    {
        var input = Valid();
        input.Email = email;

        Assert.Equal(new Dictionary<string, string> { ["Email"] = FormErrors.Email }, EnquiryService.Validate(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Validate_EmptyMessage_IsRequired(string? message)
    {
        var input = Valid();
        input.Message = message;

        Assert.Equal(FormErrors.Required, EnquiryService.Validate(input)["Message"]);
    }

    [Theory]
    [InlineData("Name", EnquiryService.NameMax)]
    [InlineData("Company", EnquiryService.CompanyMax)]
    [InlineData("Country", EnquiryService.CountryMax)]
    [InlineData("Message", EnquiryService.MessageMax)]
    public void Validate_OverLongField_IsTooLong_AtItsLimitItIsNot(string field, int max)
    {
        var property = typeof(EnquiryInput).GetProperty(field)!;
        var atLimit = Valid();
        var over = Valid();
        property.SetValue(atLimit, new string('x', max));
        property.SetValue(over, new string('x', max + 1));

        Assert.Empty(EnquiryService.Validate(atLimit));
        Assert.Equal(new Dictionary<string, string> { [field] = FormErrors.TooLong }, EnquiryService.Validate(over));
    }

    [Fact]
    public void Validate_EveryProblem_IsNamedByItsField()
    {
        var errors = EnquiryService.Validate(new EnquiryInput { Name = "Anna\u0007", Company = null, Country = " ", Email = "", Message = "" });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Name"] = FormErrors.Characters,
                ["Country"] = FormErrors.Required,
                ["Email"] = FormErrors.Required,
                ["Message"] = FormErrors.Required,
            },
            errors);
    }

    [Fact]
    public void Honeypot_FilledIn_IsARobot()
    {
        var input = Valid();
        Assert.False(input.IsRobot);

        input.Website = "http://spam.example";

        Assert.True(input.IsRobot);
    }

    /// <summary>A published product whose enterprise has a buyer email, from the demo content.</summary>
    private static (Guid Product, Guid Enterprise, string BuyerEmail) SupplierOf(TestEngine engine)
    {
        var snapshot = engine.Snapshot;
        foreach (var product in snapshot.OfType("product"))
        {
            if (product.SharedValues.TryGetValue("enterprise", out var picked) && Guid.TryParse(picked.GetString(), out var key)
                && snapshot.Get(key) is { } enterprise && enterprise.SharedValues.TryGetValue("buyerEmail", out var email))
            {
                return (product.Key, enterprise.Key, email.GetString()!);
            }
        }

        throw new InvalidOperationException("the demo content has no product whose enterprise has a buyer email");
    }

    private static async Task<EnquiryEntity> StoredAsync(TestEngine engine, Guid key)
    {
        await using var db = engine.Get<SiteDbContextFactory>().CreateDbContext();
        return await db.Enquiries.AsNoTracking().SingleAsync(e => e.Key == key);
    }

    private static Dictionary<string, string?> Smtp(int port, bool startTls) => new()
    {
        [$"{SmtpOptions.SectionName}:Host"] = "127.0.0.1",
        [$"{SmtpOptions.SectionName}:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{SmtpOptions.SectionName}:StartTls"] = startTls ? "true" : "false",
        [$"{SmtpOptions.SectionName}:TimeoutSeconds"] = "5",
    };

    [Fact]
    public async Task Submit_StoresTheEnquiryFirst_AsTypedButTrimmed_WaitingForMail()
    {
        await using var engine = await TestEngine.StartAsync();
        var (product, enterprise, _) = SupplierOf(engine);
        var input = Valid();
        input.Name = "  Anna Schmidt ";

        var key = await engine.Get<EnquiryService>().SubmitAsync(input, product, enterprise, "en", default);

        var stored = await StoredAsync(engine, key);
        Assert.Equal(("Anna Schmidt", "Müller Maschinenbau GmbH", "Germany", "anna.schmidt@example.de"), (stored.Name, stored.Company, stored.Country, stored.Email));
        Assert.Equal("We would like a quotation for 20 units.\nDelivery to Hamburg.", stored.Message);
        Assert.Equal((product, enterprise, "en", true), (stored.ProductKey, stored.EnterpriseKey, stored.Culture, stored.MeetAtFair));
        Assert.Equal((nameof(MailStatus.Pending), 0), (stored.MailStatus, stored.MailAttempts));
    }

    [Fact]
    public async Task Mailer_SmtpUnreachable_KeepsTheEnquiry_MarkedFailedWithTheReason_AndRetriesLater()
    {
        var clock = FixedClock.At(new DateOnly(2026, 12, 1));
        await using var engine = await TestEngine.StartAsync(settings: Smtp(FakeSmtpServer.ClosedPort(), startTls: false), clock: clock);
        var (product, enterprise, _) = SupplierOf(engine);
        var key = await engine.Get<EnquiryService>().SubmitAsync(Valid(), product, enterprise, "en", default);
        var mailer = engine.Get<EnquiryMailer>();

        await mailer.SendPendingAsync(default);

        var failed = await StoredAsync(engine, key);
        Assert.Equal((nameof(MailStatus.Failed), 1), (failed.MailStatus, failed.MailAttempts));
        Assert.False(string.IsNullOrWhiteSpace(failed.MailError));
        Assert.Equal(("Anna Schmidt", "We would like a quotation for 20 units.\nDelivery to Hamburg."), (failed.Name, failed.Message));

        // Not again at once; after the pause, once more.
        await mailer.SendPendingAsync(default);
        Assert.Equal(1, (await StoredAsync(engine, key)).MailAttempts);
        clock.Now += TimeSpan.FromMinutes(2);
        await mailer.SendPendingAsync(default);
        Assert.Equal((nameof(MailStatus.Failed), 2), ((await StoredAsync(engine, key)).MailStatus, (await StoredAsync(engine, key)).MailAttempts));
    }

    [Fact]
    public async Task Mailer_SendsToTheProgrammeInboxAndTheEnterprise_WithTheBuyerAsReplyTo()
    {
        await using var smtp = new FakeSmtpServer();
        await using var engine = await TestEngine.StartAsync(settings: Smtp(smtp.Port, startTls: false));
        var (product, enterprise, buyerEmail) = SupplierOf(engine);
        var key = await engine.Get<EnquiryService>().SubmitAsync(Valid(), product, enterprise, "en", default);

        await engine.Get<EnquiryMailer>().SendPendingAsync(default);

        var stored = await StoredAsync(engine, key);
        Assert.Equal((nameof(MailStatus.Sent), null), (stored.MailStatus, stored.MailError));
        var message = Assert.Single(smtp.Messages);
        Assert.Contains(smtp.Commands, c => c.Equals($"RCPT TO:<{new SmtpOptions().ProgrammeInbox}>", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(smtp.Commands, c => c.Equals($"RCPT TO:<{buyerEmail}>", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Reply-To: Anna Schmidt <anna.schmidt@example.de>", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mailer_StartTlsRequired_ButNotOffered_SendsNothingInTheClear()
    {
        await using var smtp = new FakeSmtpServer();
        await using var engine = await TestEngine.StartAsync(settings: Smtp(smtp.Port, startTls: true));
        var (product, enterprise, _) = SupplierOf(engine);
        var key = await engine.Get<EnquiryService>().SubmitAsync(Valid(), product, enterprise, "en", default);

        await engine.Get<EnquiryMailer>().SendPendingAsync(default);

        var stored = await StoredAsync(engine, key);
        Assert.Equal(nameof(MailStatus.Failed), stored.MailStatus);
        Assert.Contains("STARTTLS", stored.MailError, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
        Assert.DoesNotContain(smtp.Commands, c => c.StartsWith("MAIL", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Mailer_WithoutSmtp_KeepsTheEnquiryForTheBackOffice()
    {
        await using var engine = await TestEngine.StartAsync();
        var (product, enterprise, _) = SupplierOf(engine);
        var key = await engine.Get<EnquiryService>().SubmitAsync(Valid(), product, enterprise, "vi", default);

        await engine.Get<EnquiryMailer>().SendPendingAsync(default);

        Assert.Equal((nameof(MailStatus.NotConfigured), 0), ((await StoredAsync(engine, key)).MailStatus, (await StoredAsync(engine, key)).MailAttempts));
    }
}
