using Worker.Hosting;

namespace Worker.Tests.Hosting;

/// <summary>The middleware order is decided in one place, Middleware.UseWorkerMiddleware; the capabilities' Map* methods only map endpoints.</summary>
public sealed class MiddlewareTests
{
    private static readonly System.Reflection.MethodInfo Orderer = typeof(Middleware).GetMethod(nameof(Middleware.UseWorkerMiddleware))!;

    [Fact]
    public void Worker_AddsMiddlewareOnlyThroughUseWorkerMiddleware()
    {
        Assert.Empty(PipelineSteps.Misplaced(typeof(Program).Assembly.GetTypes(), Orderer));
    }

    [Fact]
    public void Misplaced_NamesTheMapMethod_WhenAFixtureAddsMiddlewareThere()
    {
        var problems = PipelineSteps.Misplaced([typeof(WrongSetup)], typeof(WrongSetup).GetMethod(nameof(WrongSetup.UseAll))!);

        Assert.Contains("WrongSetup.MapLimited adds middleware (RateLimiterApplicationBuilderExtensions.UseRateLimiter) but is no Use* step", problems);
        Assert.Contains("WrongSetup.MapGated calls WrongSetup.UseGate; only WrongSetup.UseAll may", problems);
        Assert.Equal(2, problems.Count);
    }

    /// <summary>A capability that decides middleware order in its Map* methods, as the worker did before issue 17.</summary>
    private static class WrongSetup
    {
        public static WebApplication UseAll(WebApplication app) => UseGate(app);

        public static WebApplication UseGate(WebApplication app)
        {
            app.Use(async (http, next) => await next(http));
            return app;
        }

        public static WebApplication MapLimited(WebApplication app)
        {
            app.UseRateLimiter();
            app.MapGet("/limited", () => "ok");
            return app;
        }

        public static WebApplication MapGated(WebApplication app)
        {
            UseGate(app);
            app.MapGet("/gated", () => "ok");
            return app;
        }
    }
}
