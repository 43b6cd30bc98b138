using System.Globalization;
using System.Linq;
using System.Threading;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Optimizers;

public class OptimizerCultureTests
{
    [Fact]
    public void FinnishCulture_GeneratesIdenticalText()
    {
        // fi-FI writes 0,5 for 0.5 and U+2212 for minus: culture-sensitive formatting in code, docs or stub messages would show.
        string source = OptimizerCases.Source(OptimizerCases.ForBase("Adam").Concat(OptimizerCases.ForBase("RmsProp"))) + """

            [Sgd(LearningRate = -0.5)]
            [NegativeLearningRate(NegativeRatio = 1.5e-7, Policy = NlrPolicy.Stochastic, Probability = 0.25, Seed = 18446744073709551615)]
            public partial class Negative;
            """;
        string Generate()
        {
            var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create(source));
            return string.Join("\n", result.Results[0].GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));
        }

        var original = Thread.CurrentThread.CurrentCulture;
        string invariant;
        string finnish;
        try
        {
            Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = Generate();
            Thread.CurrentThread.CurrentCulture = new CultureInfo("fi-FI");
            finnish = Generate();
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = original;
        }

        Assert.Equal(invariant, finnish);
        Assert.Contains("LearningRate = -0.5: the learning rate", invariant, System.StringComparison.Ordinal);
        Assert.Contains("(0.09999999999999998 * g)", invariant, System.StringComparison.Ordinal);
        Assert.Contains("1E-07", invariant, System.StringComparison.Ordinal);
    }
}
