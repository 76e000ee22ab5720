using Worker.Cli;

return await CommandLine.RunAsync(args, Console.Out, Console.Error);

/// <summary>Visible to tests.</summary>
public partial class Program;
