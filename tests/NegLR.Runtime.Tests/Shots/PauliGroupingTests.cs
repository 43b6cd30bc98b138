using System;
using System.Linq;
using NegLR.Tests.Observables;

namespace NegLR.Tests.Shots;

public class PauliGroupingTests
{
    [Fact]
    public void H2_GroupsIntoZTermsPlusFourExcitationTerms()
    {
        var h = Hamiltonians.H2Sto3g4Qubits();
        var groups = PauliGrouping.QubitWiseCommuting(h);
        Assert.Equal(5, groups.Length);
        Assert.Equal(10, groups[0].Terms.Length);
        Assert.All(groups[0].Terms, t => Assert.True(t.IsDiagonal));
        Assert.Equal("ZZZZ", groups[0].BasisLabel(4));
        var labels = groups.Skip(1).Select(g => Assert.Single(g.Terms)).Select(t => t.Label).OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(new[] { "X0 X1 X2 X3", "X0 X1 Y2 Y3", "Y0 Y1 X2 X3", "Y0 Y1 Y2 Y3" }, labels);
        Assert.Equal("YYXX", groups.Single(g => g.BasisOn(0) == 'X' && g.BasisOn(3) == 'Y').BasisLabel(4));
        AssertValidPartition(h, groups);
    }

    [Theory]
    [InlineData(3, 20, 1UL)]
    [InlineData(5, 60, 2UL)]
    [InlineData(6, 150, 3UL)]
    public void RandomSums_GroupsArePairwiseQwc_AndCoverEveryTermOnce(int qubits, int terms, ulong seed)
    {
        var sum = ObservableTestStates.RandomSum(qubits, terms, seed);
        var groups = PauliGrouping.QubitWiseCommuting(sum);
        AssertValidPartition(sum, groups);
        var again = PauliGrouping.QubitWiseCommuting(sum);
        Assert.Equal(groups.Select(g => g.Terms.ToArray()), again.Select(g => g.Terms.ToArray()));
    }

    [Fact]
    public void Grouping_TakesHeaviestTermsFirst()
    {
        // X0 is heaviest, so it seeds group 0; Z0 Z1 (second) cannot join it; X0 X2, then Z1 (first fit), join group 0.
        var sum = PauliSum.Parse("0.1 Z1 + 3 X0 + 0.2 X0 X2 + 2 Z0 Z1");
        var groups = PauliGrouping.QubitWiseCommuting(sum);
        Assert.Equal(2, groups.Length);
        Assert.Equal(new[] { "X0", "X0 X2", "Z1" }, groups[0].Terms.Select(t => t.Label));
        Assert.Equal(new[] { "Z0 Z1" }, groups[1].Terms.Select(t => t.Label));
        Assert.Equal("XZX", groups[0].BasisLabel(3));
        Assert.Equal(3.3, groups[0].Weight, 14);
        Assert.True(groups[0].NeedsRotation);
        Assert.False(groups[1].NeedsRotation);
        Assert.Equal('I', groups[1].BasisOn(2));
        Assert.Empty(PauliGrouping.QubitWiseCommuting(PauliSum.Parse("5")));
    }

    [Theory]
    [InlineData("X0", "X0 Z1", true)]
    [InlineData("X0", "Y0", false)]
    [InlineData("X0 Y1", "Z2", true)]
    [InlineData("Z0 Z1", "Z1 X2", true)]
    [InlineData("X0 X1", "Y0 Y1", false)] // these commute, but not qubit-wise
    public void AreQubitWiseCommuting_Examples(string a, string b, bool expected)
    {
        var ta = PauliSum.Parse(a).Terms[0];
        var tb = PauliSum.Parse(b).Terms[0];
        Assert.Equal(expected, PauliGrouping.AreQubitWiseCommuting(ta, tb));
        Assert.Equal(expected, PauliGrouping.AreQubitWiseCommuting(tb, ta));
    }

    private static void AssertValidPartition(PauliSum sum, System.Collections.Immutable.ImmutableArray<MeasurementGroup> groups)
    {
        var all = groups.SelectMany(g => g.Terms).ToList();
        Assert.Equal(sum.Terms.Length, all.Count);
        Assert.Equal(sum.Terms.OrderBy(t => (t.XMask, t.ZMask)), all.OrderBy(t => (t.XMask, t.ZMask)));
        foreach (var g in groups)
        {
            foreach (var a in g.Terms)
            {
                Assert.True(g.Accepts(a));
                for (int q = 0; q < 30; q++)
                {
                    char letter = a.PauliOn(q);
                    Assert.True(letter == 'I' || letter == g.BasisOn(q));
                }

                foreach (var b in g.Terms)
                {
                    Assert.True(PauliGrouping.AreQubitWiseCommuting(a, b));
                }
            }
        }
    }
}
