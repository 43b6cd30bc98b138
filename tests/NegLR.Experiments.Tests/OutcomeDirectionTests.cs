using NegLR.Experiments.Reporting;

namespace NegLR.Experiments.Tests;

/// <summary>
/// A significant contrast points where its Wilcoxon test's own estimate (the Hodges–Lehmann shift) points, not where
/// the means do: a few much lower NLR scores can pull NLR's mean below its base's while most paired differences are
/// positive — that is a loss, and it was labelled a win.
/// </summary>
public class OutcomeDirectionTests
{
    private static ComparisonEntry Entry(double meanNlr, double meanBase, double? hl) => new()
    {
        MeanOptimizer = meanNlr,
        MeanBaseline = meanBase,
        HodgesLehmann = new EstimateEntry { Estimate = hl },
    };

    [Theory]
    [InlineData(0.738, 0.754, 2.4e-3, 1)]    // b1-grid-n12 random12-l120-cg-s0: mean lower, shift positive → loss
    [InlineData(0.80, 0.70, -1e-3, -1)]      // the converse: mean higher, shift negative → win
    [InlineData(0.50, 0.60, 0.0, -1)]        // a zero shift defers to the means
    [InlineData(0.50, 0.50, 0.0, 0)]
    public void Direction_FollowsTheShift_ThenTheMeans(double meanNlr, double meanBase, double hl, int expected) =>
        Assert.Equal(expected, Aggregator.Direction(Entry(meanNlr, meanBase, hl)));

    [Fact]
    public void Direction_WithoutAShift_UsesTheMeans()
    {
        Assert.Equal(1, Aggregator.Direction(Entry(0.3, 0.2, null)));
        Assert.Equal(-1, Aggregator.Direction(Entry(0.1, 0.2, null)));
    }
}
