namespace ChiBo.Tests;
public class Smoke { [Xunit.Fact] public void Builds() => Xunit.Assert.Equal("ChiBo.Rules", ChiBo.Rules.RulesAssembly.Name); }
