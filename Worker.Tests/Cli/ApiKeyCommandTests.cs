using System.Text.Json.Nodes;
using Worker.Cli;

namespace Worker.Tests.Cli;

public sealed class ApiKeyCommandTests
{
    [Fact]
    public void Run_PrintsANewKeyAndTheEntryWithItsHash()
    {
        var output = new StringWriter();
        Assert.Equal(ExitCode.Done, ApiKeyCommand.Run(["e-office"], output));
        var lines = output.ToString().Split('\n');
        var key = lines[1].Trim();
        var hash = lines[3].Trim();
        Assert.StartsWith(ApiKeyCommand.Prefix, key);
        Assert.True(key.Length >= 40);
        Assert.Equal(ApiKeyCommand.Hash(key), hash);
        var entry = JsonNode.Parse(string.Join('\n', lines[5..]))!;
        Assert.Equal("e-office", entry["Name"]!.GetValue<string>());
        Assert.Equal(hash, entry["KeySha256"]!.GetValue<string>());

        var second = new StringWriter();
        ApiKeyCommand.Run(["e-office"], second);
        Assert.NotEqual(key, second.ToString().Split('\n')[1].Trim());
    }

    [Fact]
    public void Run_RefusesANameThatCannotBeAClientName()
    {
        var e = Assert.Throws<UsageException>(() => ApiKeyCommand.Run(["e office"], new StringWriter()));
        Assert.Contains("letters, digits", e.Message);
        Assert.Throws<UsageException>(() => ApiKeyCommand.Run([], new StringWriter()));
    }
}
