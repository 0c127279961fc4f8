namespace Spcncl.Bench.Harness;

/// <summary>
/// Keeps cookies for a benchmark's client, including the back office's <c>Secure</c> ones, which a production site
/// sets even on the plain-HTTP loopback address the benchmark uses (a browser would only send them over HTTPS).
/// </summary>
public sealed class LoopbackCookies() : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var pair in set.Select(cookie => cookie.Split(';')[0].Split('=', 2)).Where(p => p.Length == 2))
            {
                _cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }
}
