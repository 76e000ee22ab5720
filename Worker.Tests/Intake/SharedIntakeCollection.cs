namespace Worker.Tests.Intake;

/// <summary>The drop, duplicate and sidecar test classes share one worker and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class SharedIntakeCollection : ICollectionFixture<SharedIntakeHost>
{
    public const string Name = "shared intake worker";
}
