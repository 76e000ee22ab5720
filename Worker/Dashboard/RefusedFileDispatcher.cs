using Hangfire.Dashboard;
using Worker.Operators;

namespace Worker.Dashboard;

/// <summary>
/// POST /hangfire/operators/failed/{resubmit|handled} with the route and the file's name: an operator's answer to a refused file,
/// as the signed-in user (200 done, 409 not possible). Hangfire checks the antiforgery token first, as for every operator action.
/// </summary>
public sealed class RefusedFileDispatcher : IDashboardDispatcher
{
    /// <summary>The route pattern Hangfire matches.</summary>
    public const string Pattern = "/operators/failed/(?<action>resubmit|handled)";

    public async Task Dispatch(DashboardContext context)
    {
        if (await OperatorCommandDispatcher.RefusedAsync(context, "viewers cannot change files")) return;
        var http = context.GetHttpContext();
        var route = (await context.Request.GetFormValuesAsync("route")).FirstOrDefault() ?? "";
        var name = (await context.Request.GetFormValuesAsync("name")).FirstOrDefault() ?? "";
        var who = OperatorCommandDispatcher.Who(http);
        var actions = http.RequestServices.GetRequiredService<RefusedFileActions>();
        // Not the request's token: once started, an action finishes even if the browser goes away.
        var result = context.UriMatch.Groups["action"].Value == "resubmit"
            ? await actions.ResubmitAsync(route, name, who, CancellationToken.None)
            : await actions.SetAsideAsync(route, name, who, CancellationToken.None);
        await OperatorCommandDispatcher.AnswerAsync(http, result.Outcome == OperatorOutcome.Done ? StatusCodes.Status200OK : StatusCodes.Status409Conflict, result.Message);
    }
}
