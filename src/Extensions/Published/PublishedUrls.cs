namespace Spcncl.Published;

/// <summary>The shape of page URLs: <c>/{culture}/</c> for a culture's home, <c>/{culture}/{segment}/{segment}</c> below it.</summary>
public static class PublishedUrls
{
    public static string Home(string culture) => $"/{culture}/";

    public static string Child(string parentUrl, string segment) => parentUrl.TrimEnd('/') + "/" + segment;
}
