using Quartz;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Hosting;

public static class SchedulerSetup
{
    public const string SchedulerName = "signing-worker";

    /// <summary>Quartz with its clustered ADO store on PostgreSQL, so each schedule fires once across workers.</summary>
    public static WebApplicationBuilder AddScheduler(this WebApplicationBuilder builder, WorkerOptions options)
    {
        var connectionString = DatabaseConnection.ConnectionString(options.Database);
        // Workers sharing the database must share the scheduler name: clustering groups by it.
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.GenerateInstanceId = true;
            });
            q.UsePersistentStore(s =>
            {
                s.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                s.UseClustering();
                s.UsePostgres(connectionString);
                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
            });
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
