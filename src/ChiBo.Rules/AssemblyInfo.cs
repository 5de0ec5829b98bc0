namespace ChiBo.Rules;

/// <summary>Marker for the ChiBo.Rules assembly (rule sets arrive with the rules issue).</summary>
public static class RulesAssembly
{
    /// <summary>The assembly's informational name.</summary>
    public const string Name = "ChiBo.Rules";
}
