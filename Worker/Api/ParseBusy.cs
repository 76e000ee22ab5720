using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Worker.Pdf.Checking;

namespace Worker.Api;

/// <summary>The answer when every parse slot is taken: 503 with Retry-After, the reason in Indonesian first.</summary>
public static class ParseBusy
{
    public static ProblemHttpResult Problem(HttpContext http)
    {
        http.Response.Headers.RetryAfter = ParseSlots.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable, Title = "Sibuk / Busy", Detail = ParseSlots.BusyMessage,
        });
    }
}
