using System.Text.RegularExpressions;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

/// <summary>The shipped systemd unit (config/tte-worker.service) carries every [Service] setting the README tells operators to use.</summary>
public sealed partial class ServiceUnitFileTests
{
    [Fact]
    public void UnitFile_HasEveryServiceSettingTheReadmeRecommends()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var unit = File.ReadAllLines(Path.Combine(RepoPaths.Root, "config", "tte-worker.service")).Select(l => l.Trim()).ToHashSet();
        var recommended = IniBlock().Matches(readme)
            .SelectMany(m => m.Groups[1].Value.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l != "[Service]")
            .ToList();

        Assert.Contains("Environment=DOTNET_GCHeapHardLimit=0x80000000", recommended);
        Assert.Contains("MemoryMax=3G", recommended);
        Assert.Contains("UMask=0077", recommended);
        Assert.All(recommended, line => Assert.True(unit.Contains(line), $"config/tte-worker.service lacks '{line}'"));
    }

    [GeneratedRegex(@"```ini\n(\[Service\]\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex IniBlock();
}
