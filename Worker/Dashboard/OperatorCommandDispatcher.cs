using Hangfire.Dashboard;
using Worker.Operators;

namespace Worker.Dashboard;

/// <summary>
/// POST /hangfire/operators/{command}/{id}: runs an operator action as the signed-in user and answers its one-line result
/// (200 done, 404 unknown id, 409 not allowed in this state). Hangfire checks the antiforgery token before this runs;
/// viewers were already turned away with 403 by the dashboard's gate, and read-only contexts are refused here as well.
/// </summary>
public sealed class OperatorCommandDispatcher(OperatorCommand command) : IDashboardDispatcher
{
    /// <summary>The route pattern Hangfire matches for <paramref name="command"/>.</summary>
    public static string Pattern(OperatorCommand command) => $"/operators/{command.ToString().ToLowerInvariant()}/(?<id>[0-9a-fA-F-]{{36}})";

    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (await RefusedAsync(context, "viewers cannot change documents")) return;
        var id = Guid.Parse(context.UriMatch.Groups["id"].Value);
        var who = Who(http);
        var actions = http.RequestServices.GetRequiredService<OperatorActions>();
        // Not the request's token: once started, an action finishes even if the browser goes away.
        var result = command switch
        {
            OperatorCommand.Retry => await actions.RetryAsync(id, who, CancellationToken.None),
            OperatorCommand.Resend => await actions.ResendAsync(id, who, CancellationToken.None),
            _ => await actions.CancelAsync(id, (await context.Request.GetFormValuesAsync("reason")).FirstOrDefault() ?? "", who, CancellationToken.None),
        };
        await AnswerAsync(http, result.Outcome switch
        {
            OperatorOutcome.Done => StatusCodes.Status200OK,
            OperatorOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        }, result.Message);
    }

    /// <summary>Answers 405 to anything but a POST and 403 to a read-only dashboard; true when it did.</summary>
    internal static async Task<bool> RefusedAsync(DashboardContext context, string readOnly)
    {
        var http = context.GetHttpContext();
        if (!HttpMethods.IsPost(http.Request.Method)) await AnswerAsync(http, StatusCodes.Status405MethodNotAllowed, "POST only");
        else if (context.IsReadOnly) await AnswerAsync(http, StatusCodes.Status403Forbidden, readOnly);
        else return false;
        return true;
    }

    /// <summary>The signed-in operator and their address, as the audit trail records them.</summary>
    internal static OperatorIdentity Who(HttpContext http) => new()
    {
        Name = http.User.Identity?.Name ?? "dashboard (loopback)",
        Source = http.Connection.RemoteIpAddress?.ToString() ?? "",
    };

    /// <summary>A one-line plain-text answer.</summary>
    internal static async Task AnswerAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message);
    }
}
