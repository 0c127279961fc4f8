using Spcncl.Registry;
using Spcncl.Registry.Import;
using Spcncl.Sync;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Registry;

/// <summary>
/// A buyer types a certificate number from paper: the registry answers valid (until when), expired (since when) or
/// not found, with the product and the enterprise. The clock is fixed so that the answers do not depend on the day.
/// </summary>
public sealed class CertificateVerifierTests : IAsyncLifetime
{
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2026, 12, 1));
    private TestEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await TestEngine.StartAsync(clock: _clock);

        // Decided on 20 November 2026: valid through 19 November 2029.
        var file = DecisionFiles.Csv(DecisionLine.Table([DecisionLine.Product(1), DecisionLine.Product(2) with { Certificate = "123/GCN-SCT" }]));
        var report = await _engine.Get<RegistryImporter>().ImportAsync(new MemoryStream(file), "decision.csv", dryRun: false, "clerk");
        Assert.True(report.Committed, $"{report.FileError} {string.Join("; ", report.Errors)}");
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private CertificateVerifier Verifier => _engine.Get<CertificateVerifier>();

    [Fact]
    public void Verify_CurrentTitle_IsValidUntilItsLastDay()
    {
        var result = Verifier.Verify("TEST-2026-001");

        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal(new DateOnly(2029, 11, 19), result.Award!.ValidUntil);
        Assert.Equal(("Máy cắt thử nghiệm TN-1", "Công ty TNHH Cơ khí Thử Nghiệm"), (result.Award.ProductName("vi"), result.Award.EnterpriseName("vi")));
        Assert.Null(result.ExpiredSince);
    }

    [Fact]
    public void Verify_OnTheLastDay_IsStillValid()
    {
        _clock.SetDay(new DateOnly(2029, 11, 19));

        Assert.Equal(VerificationStatus.Valid, Verifier.Verify("TEST-2026-001").Status);
    }

    [Fact]
    public void Verify_AfterTheLastDay_IsExpiredSinceTheDayAfter()
    {
        _clock.SetDay(new DateOnly(2030, 3, 1));

        var result = Verifier.Verify("TEST-2026-001");

        Assert.Equal(VerificationStatus.Expired, result.Status);
        Assert.Equal(new DateOnly(2029, 11, 20), result.ExpiredSince);
        Assert.Equal("TEST-2026-001", result.Award!.CertificateNumber);
    }

    [Fact]
    public void Verify_ExpiryFollowsHanoiTime_NotUtc()
    {
        // 23:30 UTC on 19 November is already 20 November in Hanoi.
        _clock.Now = new DateTimeOffset(2029, 11, 19, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(VerificationStatus.Expired, Verifier.Verify("TEST-2026-001").Status);
    }

    [Fact]
    public void Verify_SeededAwardFromTheFirstYear_IsExpired()
    {
        var result = Verifier.Verify("SPCNCL-2018-001");

        Assert.Equal(VerificationStatus.Expired, result.Status);
        Assert.Equal(result.Award!.ValidUntil.AddDays(1), result.ExpiredSince);
    }

    [Theory]
    [InlineData("test-2026-001")]
    [InlineData("  TEST-2026-001  ")]
    [InlineData("TEST - 2026 - 001")]
    [InlineData("123/gcn-sct")]
    public void Verify_NumberAsPeopleTypeIt_IsFound(string typed)
    {
        var result = Verifier.Verify(typed);

        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal(typed.Trim(), result.Number);
    }

    [Fact]
    public void Verify_UnknownNumber_IsNotFound_AndEchoesWhatWasTyped()
    {
        var result = Verifier.Verify("SPCNCL-2099-999");

        Assert.Equal(VerificationStatus.NotFound, result.Status);
        Assert.Null(result.Award);
        Assert.Equal("SPCNCL-2099-999", result.Number);
    }

    [Fact]
    public void Verify_OverLongInput_IsNotFound_AndCutTo80Characters()
    {
        var result = Verifier.Verify(new string('9', 500));

        Assert.Equal(VerificationStatus.NotFound, result.Status);
        Assert.Equal(CertificateVerifier.MaxInputLength, result.Number.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_NothingTyped_AsksNothing(string? typed)
    {
        Assert.Equal(VerificationStatus.NotAsked, Verifier.Verify(typed).Status);
    }

    [Fact]
    public async Task Verify_NumberOnAListNotYetRecognised_SaysWhichStageTheYearIsAt_NotValid()
    {
        // The 2025 list published for comment, before the City's decision: the seed's cycles file says so.
        var folder = RepositoryPaths.NewTempFolder("usync-disclosure");
        RepositoryPaths.CopyFolder(RepositoryPaths.USync, folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Registry", "cycles.json"), """
            [
              { "year": 2025, "status": "PublicDisclosure" },
              { "year": 2026, "status": "Recognised" }
            ]
            """);
        await _engine.Get<USyncImporter>().ImportAsync(USyncFolder.Read(folder, _engine.Cultures), USyncImportMode.Full);

        var listed = Verifier.Verify("SPCNCL-2025-001");
        var recognised = Verifier.Verify("TEST-2026-001");

        Assert.Equal(VerificationStatus.NotRecognised, listed.Status);
        Assert.Equal(CycleStatus.PublicDisclosure, listed.Stage);
        Assert.Null(listed.ExpiredSince);
        Assert.Equal(2025, listed.Award!.Year);
        Assert.Equal(VerificationStatus.Valid, recognised.Status);
        Assert.Null(recognised.Stage);
    }
}
