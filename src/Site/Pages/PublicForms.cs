using Microsoft.AspNetCore.Http.Features;
using Spcncl.Forms;

namespace Spcncl.Site.Pages;

/// <summary>What every page with a public form does.</summary>
public static class PublicForms
{
    /// <summary>A page that carries an antiforgery token and echoes what was typed is never compressed (BREACH).</summary>
    public static void DoNotCompress(PageRequest request)
    {
        if (request.Http.Features.Get<IHttpsCompressionFeature>() is { } compression)
        {
            compression.Mode = HttpsCompressionMode.DoNotCompress;
        }
    }

    /// <summary>
    /// The answer to a post of a public form whose service decides (comments, registrations): an expired token shows the
    /// form again with its message (400); a robot that filled the hidden field sees the confirmation and nothing is
    /// stored; otherwise accepted is the confirmation at <paramref name="sentUrl"/>, closed is the form with "closed"
    /// (409), and anything else the form with the messages by the fields (400). The typed input is kept in each case.
    /// </summary>
    public static async Task<PageOutcome> AnswerAsync(PageRequest request, bool isRobot, string sentUrl, Func<Task<FormOutcome>> submit, Func<IReadOnlyDictionary<string, string>, int, PageOutcome> render)
    {
        if (request.FormTokenRejected)
        {
            return render(new Dictionary<string, string> { [FormErrors.FormLevel] = FormErrors.Expired }, StatusCodes.Status400BadRequest);
        }

        var sent = new RedirectTo(sentUrl);
        if (isRobot)
        {
            return sent;
        }

        var outcome = await submit();
        return outcome.Status switch
        {
            FormStatus.Accepted => sent,
            FormStatus.Closed => render(outcome.Errors, StatusCodes.Status409Conflict),
            _ => render(outcome.Errors, StatusCodes.Status400BadRequest),
        };
    }
}
