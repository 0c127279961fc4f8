using Microsoft.Net.Http.Headers;
using Spcncl.Localization;

namespace Spcncl.Site.Endpoints;

/// <summary>
/// How a download names itself: <c>attachment</c> with the file's own name in UTF-8 (<c>filename*</c>, RFC 6266), and
/// for clients that only read <c>filename</c> the same name with its accents folded ("Phieu moi…"), not question marks.
/// </summary>
public static class Attachment
{
    public static void Set(HttpResponse response, string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
        header.FileName = new string([.. VietnameseText.FoldAccents(fileName).Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_')]);
        response.Headers.ContentDisposition = header.ToString();
    }
}
