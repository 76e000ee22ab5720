using Hangfire.Dashboard;
using Worker.Operators;

namespace Worker.Dashboard;

/// <summary>
/// POST /hangfire/operators/new-document (multipart): the New document form. Hangfire checks the antiforgery token first;
/// a viewer is refused. Done answers 303 back to the form with the name it got; a refusal is one line (400).
/// </summary>
public sealed class NewDocumentDispatcher : IDashboardDispatcher
{
    /// <summary>The route pattern Hangfire matches.</summary>
    public const string Pattern = "/operators/new-document";

    public async Task Dispatch(DashboardContext context)
    {
        if (await OperatorCommandDispatcher.RefusedAsync(context, "viewers cannot send documents")) return;
        var http = context.GetHttpContext();
        if (!http.Request.HasFormContentType)
        {
            await OperatorCommandDispatcher.AnswerAsync(http, StatusCodes.Status400BadRequest, "a multipart form with a PDF is expected");
            return;
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form.Files.GetFile("pdf") is not { Length: > 0 } pdf)
        {
            await OperatorCommandDispatcher.AnswerAsync(http, StatusCodes.Status400BadRequest, "Pilih berkas PDF. / Choose a PDF file.");
            return;
        }
        // "route" or "route/unit", as the form's choices are written.
        var target = form["route"].ToString().Split('/', 2);
        var drop = new NewDrop
        {
            Route = target[0], Unit = target.Length > 1 ? target[1] : null, FileName = pdf.FileName, Open = pdf.OpenReadStream, Size = pdf.Length,
            Title = form["title"].ToString(), Number = form["number"].ToString(), SubmitterEmail = form["submitterEmail"].ToString(),
            Note = form["note"].ToString(),
        };
        var (result, name) = await http.RequestServices.GetRequiredService<InboxDrop>().DropAsync(drop, OperatorCommandDispatcher.Who(http), CancellationToken.None);
        if (name is null)
        {
            await OperatorCommandDispatcher.AnswerAsync(http, StatusCodes.Status400BadRequest, result.Message);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = context.Options.PrefixPath + context.Request.PathBase + "/new-document?dropped=" + Uri.EscapeDataString(name);
    }
}
