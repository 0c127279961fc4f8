namespace Spcncl.Site.Pages;

/// <summary>Where a certificate's QR code image is.</summary>
public static class QrEndpoints
{
    public static string Url(string certificateNumber) => $"/qr/certificate/{Endpoints.RegistryEndpoints.PathOf(certificateNumber)}.svg";
}
