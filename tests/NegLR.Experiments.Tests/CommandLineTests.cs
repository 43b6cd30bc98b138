using System;
using System.Linq;

namespace NegLR.Experiments.Tests;

/// <summary>The command line on System.CommandLine: help, version, typo suggestions, typed errors, completion.</summary>
public class CommandLineTests
{
    [Fact]
    public void NoVerb_UsageOnStandardError_ExitTwo()
    {
        var r = TestSupport.Run();
        Assert.Equal(2, r.Exit);
        Assert.Equal(string.Empty, r.Output);
        Assert.Contains("compare", r.Error);
        Assert.Contains("Usage:", r.Error);
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("variance")]
    [InlineData("simulate")]
    [InlineData("tune")]
    public void VerbHelp_BothSpellings_SameTextOnStandardOutput(string verb)
    {
        var dashed = TestSupport.Run(verb, "--help");
        var word = TestSupport.Run("help", verb);
        Assert.Equal(0, dashed.Exit);
        Assert.Equal(0, word.Exit);
        Assert.Contains(" " + verb + " [options]", dashed.Output);
        Assert.Equal(dashed.Output, word.Output);
    }

    [Fact]
    public void Version_PrintsTheAssemblyVersion()
    {
        var r = TestSupport.Run("--version");
        Assert.Equal(0, r.Exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Output.Trim());
    }

    [Fact]
    public void TypoInVerbOrOption_SuggestsTheNearestName()
    {
        var verb = TestSupport.Run("comapre");
        Assert.Equal(2, verb.Exit);
        Assert.Contains("Did you mean", verb.Error);
        Assert.Contains("compare", verb.Error.Split("Did you mean")[1].Split('\n').Skip(1).First());

        var option = TestSupport.Run("compare", "--seed", "3");
        Assert.Equal(2, option.Exit);
        Assert.Contains("--seeds", option.Error);
    }

    [Theory]
    [InlineData("--steps", "zero", "--steps must be an integer from 1 to 1000000, not 'zero'.")]
    [InlineData("--steps", "0", "--steps must be an integer from 1 to 1000000, not '0'.")]
    [InlineData("--jobs", "2.5", "--jobs must be an integer from 1 to 1024, not '2.5'.")]
    [InlineData("--shots", "0,ten", "--shots: 'ten' is not an integer or a range a-b.")]
    [InlineData("--shots", "-5", "--shots")]
    [InlineData("--preset", "huge", "huge")]
    [InlineData("--target-fraction", "nan", "--target-fraction must be a finite number, not 'nan'.")]
    public void TypedOptions_BadValue_NamesOptionAndValue_UsageOnStandardError(string option, string value, string message)
    {
        var r = TestSupport.Run("compare", option, value);
        Assert.Equal(2, r.Exit);
        Assert.Equal(string.Empty, r.Output);
        Assert.Contains(message, r.Error);
        Assert.Contains("Usage:", r.Error);
    }

    [Fact]
    public void Completion_SuggestsVerbsOptionsAndChoices()
    {
        Assert.Contains("compare", TestSupport.Run("[suggest:3]", "com").Output);
        Assert.Contains("--preset", TestSupport.Run("[suggest:12]", "compare --pr").Output);
        var choices = TestSupport.Run("[suggest:17]", "compare --preset ").Output;
        Assert.Contains("paper", choices);
        Assert.Contains("quick", choices);
        var script = TestSupport.Run("completion", "bash");
        Assert.Equal(0, script.Exit);
        Assert.Contains("complete -o default -F _neglr_experiments NegLR.Experiments", script.Output);
        Assert.Contains("[suggest:", script.Output);
    }
}
