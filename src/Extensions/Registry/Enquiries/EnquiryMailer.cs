using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Spcncl.Persistence;
using Spcncl.Published;

namespace Spcncl.Registry.Enquiries;

/// <summary>Bound from <c>Site:Smtp</c>. Without a host, enquiries are kept in the database (and the back office) only.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Site:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Require STARTTLS: a server that does not offer it gets nothing (buyers' messages are never sent in the clear).</summary>
    public bool StartTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "no-reply@congnghiepchuluc-hanoi.gov.vn";

    /// <summary>The programme's inbox, copied on every enquiry.</summary>
    public string ProgrammeInbox { get; set; } = "spcncl@congnghiepchuluc-hanoi.gov.vn";

    public int TimeoutSeconds { get; set; } = 20;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Sends stored enquiries by SMTP in the background: woken by each new enquiry and every minute, it tries each
/// pending one up to five times with growing pauses, and records Sent or Failed (with the error) on the row.
/// </summary>
public sealed class EnquiryMailer(SiteDbContextFactory dbFactory, PublishedSnapshotService snapshots, IOptionsMonitor<SmtpOptions> options, ILogger<EnquiryMailer> logger, TimeProvider clock)
    : BackgroundService
{
    public const int MaxAttempts = 5;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    public void Wake() => _wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending enquiries failed; will retry");
            }

            try
            {
                await _wake.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the pending enquiries (tests call it directly).</summary>
    public async Task SendPendingAsync(CancellationToken ct)
    {
        var smtp = options.CurrentValue;
        await using var db = dbFactory.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Enquiries.Where(e => e.MailStatus == nameof(MailStatus.Pending) || (e.MailStatus == nameof(MailStatus.Failed) && e.MailAttempts < MaxAttempts)).OrderBy(e => e.Id).Take(50).ToListAsync(ct);
        foreach (var enquiry in pending)
        {
            if (!smtp.Configured)
            {
                enquiry.MailStatus = nameof(MailStatus.NotConfigured);
                continue;
            }

            // Back off: 1, 2, 4, 8 minutes between attempts.
            if (enquiry.MailAttempts > 0 && enquiry.MailedUtc is { } last && now - last < TimeSpan.FromMinutes(Math.Pow(2, enquiry.MailAttempts - 1)))
            {
                continue;
            }

            enquiry.MailAttempts++;
            enquiry.MailedUtc = now;
            try
            {
                await SendAsync(smtp, enquiry, ct);
                enquiry.MailStatus = nameof(MailStatus.Sent);
                enquiry.MailError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                enquiry.MailStatus = nameof(MailStatus.Failed);
                enquiry.MailError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                logger.LogWarning("Enquiry {Key} could not be mailed (attempt {Attempt}): {Error}", enquiry.Key, enquiry.MailAttempts, ex.Message);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SendAsync(SmtpOptions smtp, Persistence.Entities.EnquiryEntity enquiry, CancellationToken ct)
    {
        var snapshot = snapshots.Current;
        var enterprise = snapshot.Get(enquiry.EnterpriseKey);
        var product = enquiry.ProductKey is { } key ? snapshot.Get(key) : null;
        var enterpriseName = enterprise?.Variants.GetValueOrDefault("vi")?.Name ?? enquiry.EnterpriseKey.ToString();
        var productName = product?.Variants.GetValueOrDefault("vi")?.Name;

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(smtp.ProgrammeInbox));
        if (enterprise?.SharedValues.GetValueOrDefault("buyerEmail") is { ValueKind: System.Text.Json.JsonValueKind.String } email && MailboxAddress.TryParse(email.GetString(), out var supplier))
        {
            message.To.Add(supplier);
        }

        message.ReplyTo.Add(new MailboxAddress(enquiry.Name, enquiry.Email));
        message.Subject = $"[SPCNCL] Enquiry from {enquiry.Name} ({enquiry.Country}){(productName is null ? "" : $" about {productName}")}";
        var lines = new[]
        {
            $"Enterprise / Doanh nghiệp: {enterpriseName}",
            productName is null ? "" : $"Product / Sản phẩm: {productName}",
            $"From / Người gửi: {enquiry.Name}, {enquiry.Company}, {enquiry.Country}",
            $"Email: {enquiry.Email}",
            $"Meeting at the next fair / Gặp tại hội chợ: {(enquiry.MeetAtFair ? "yes / có" : "no / không")}",
            $"Language / Ngôn ngữ: {enquiry.Culture}",
            "",
            enquiry.Message,
        };
        var body = new StringBuilder().AppendJoin('\n', lines);
        message.Body = new TextPart("plain") { Text = body.ToString() };

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
