using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>The B-LTA host (a TSA on loopback) with its route set to <c>Ltv: None</c>: filing adds no long-term validation data.</summary>
public sealed class NoLtvSigningHost : LtaSigningHost
{
    protected override void Configure(TestConfig config)
    {
        base.Configure(config);
        config.Route["Ltv"] = "None";
    }
}
