using System.Text.Json.Nodes;

namespace Worker.Tests.Intake;

/// <summary>The worker shared by the drop, duplicate and sidecar tests: one start-up for all of them (each test uses its own file names and bytes).</summary>
public sealed class SharedIntakeHost : IntakeHost
{
    public const long MaxFileBytes = 1_000_000;

    protected override void Configure(JsonObject worker)
    {
        worker["Intake"]!["MaxFileBytes"] = MaxFileBytes;
        worker["Routes"]![0]!["Exclude"] = new JsonArray("draft-*");
    }
}
