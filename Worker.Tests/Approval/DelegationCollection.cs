namespace Worker.Tests.Approval;

/// <summary>One delegation worker shared, one class at a time, by the command, dashboard and browser tests of delegations.</summary>
[CollectionDefinition(Name)]
public sealed class DelegationCollection : ICollectionFixture<DelegationHost>
{
    public const string Name = "delegation";
}
