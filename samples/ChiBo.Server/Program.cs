namespace ChiBo.Server;

/// <summary>
/// The service's entry point: <c>dotnet run --project samples/ChiBo.Server [-- --urls http://127.0.0.1:5080
/// --ChiBo:RulesFolder=rules/rulesets]</c>; also what WebApplicationFactory starts in the tests.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Builds and runs the service until it is stopped.</summary>
    /// <param name="args">Host arguments and configuration.</param>
    public static void Main(string[] args) => ChiBoServer.Build(args).Run();
}
