using Hangfire;

namespace Worker.Dashboard;

public static class DashboardSetup
{
    /// <summary>The Hangfire dashboard at /hangfire.</summary>
    public static WebApplication MapWorkerDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "TTE Sulbar · signing worker",
            Authorization = [new LoopbackOnlyAuthorization()],
            AppPath = null,
        });
        return app;
    }
}
