namespace Worker.Tests.Api;

/// <summary>The API tests share one worker (a host takes seconds to start) and run one after another: the webhook test stops the receiver.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiHost>
{
    public const string Name = "api";
}
