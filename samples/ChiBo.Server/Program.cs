using ChiBo.Server;

// dotnet run --project samples/ChiBo.Server [-- --urls http://127.0.0.1:5080 --ChiBo:RulesFolder=rules/rulesets]
ChiBoServer.Build(args).Run();

/// <summary>The service's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
