using Hangfire.Dashboard;
using Worker.Operators;

namespace Worker.Dashboard;

/// <summary>
/// POST /hangfire/operators/delegations/{set|end}: the Delegations page's forms, as the signed-in operator (200 done, 404 no such
/// delegation, 409 refused with the reason). Hangfire checks the antiforgery token first, as for every operator action.
/// </summary>
public sealed class DelegationDispatcher : IDashboardDispatcher
{
    /// <summary>The route pattern Hangfire matches.</summary>
    public const string Pattern = "/operators/delegations/(?<action>set|end)";

    public async Task Dispatch(DashboardContext context)
    {
        if (await OperatorCommandDispatcher.RefusedAsync(context, "viewers cannot change delegations")) return;
        var http = context.GetHttpContext();
        async Task<string> Field(string name) => ((await context.Request.GetFormValuesAsync(name)).FirstOrDefault() ?? "").Trim();
        var who = OperatorCommandDispatcher.Who(http);
        var actions = http.RequestServices.GetRequiredService<DelegationActions>();
        OperatorResult result;
        // Not the request's token: once started, an action finishes even if the browser goes away.
        if (context.UriMatch.Groups["action"].Value == "end")
            result = Guid.TryParse(await Field("id"), out var id)
                ? await actions.EndAsync(id, who, CancellationToken.None)
                : OperatorResult.NotAllowed("id: not a delegation id");
        else
            result = await actions.SetAsync(new DelegationRequest
            {
                Approver = await Field("approver"), DeputyEmail = await Field("deputy"), DeputyName = await Field("name"),
                DeputyPosition = await Field("position"), DeputySigner = await Field("signer"), Nip = await Field("nip"), Rank = await Field("rank"),
                Kind = await Field("kind"), From = await Field("from"), To = await Field("to"),
            }, who, CancellationToken.None);
        await OperatorCommandDispatcher.AnswerAsync(http, result.Outcome switch
        {
            OperatorOutcome.Done => StatusCodes.Status200OK,
            OperatorOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        }, result.Message);
    }
}
