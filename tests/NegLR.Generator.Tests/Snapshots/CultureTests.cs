using System.Globalization;
using System.Threading;
using NegLR.Generator.Tests.Equivalence;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Snapshots;

public class CultureTests
{
    [Fact]
    public void FinnishCulture_GeneratesIdenticalText()
    {
        // fi-FI writes 0,5 for 0.5 and uses U+2212 for minus: any culture-sensitive formatting would show here.
        string source = SampleSources.TemplateAnsatz + """

            namespace Constants
            {
                [NegLR.Ansatz(Qubits = 2)]
                [NegLR.Observable("-0.25 Z0 X1")]
                public partial struct Affine
                {
                    [NegLR.Circuit]
                    static void Build(NegLR.Circuit c) => c.RZ(0, -0.75 * c.Weight() + 1.5).CRX(0, 1, 1e-7);
                }
            }
            """;
        string Generate()
        {
            var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create(source));
            return string.Join("\n", System.Linq.Enumerable.Select(result.Results[0].GeneratedSources, s => s.HintName + "\n" + s.SourceText));
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
        Assert.Contains("((-0.75) * w[0] + 1.5)", invariant, System.StringComparison.Ordinal);
        Assert.Contains("1E-07", invariant, System.StringComparison.Ordinal);
    }
}
