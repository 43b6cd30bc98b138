using NegLR.Experiments.Study;

namespace NegLR.Experiments.Tests;

/// <summary>The study's outcome maps read the factors from the benchmark ids and colour a cell by its net share.</summary>
public class OutcomeMapTests
{
    [Fact]
    public void Parse_ReadsSizeDepthCostAndNoise()
    {
        var f = OutcomeMaps.Parse("bp-random8-l24-cg-s2")!;
        Assert.Equal(("random", 8, 24, "cg", (double?)null, false), (f.Family, f.Qubits, f.Layers, f.Cost, f.P2, f.Device));
        var noisy = OutcomeMaps.Parse("bp-hea4-l16-zz-s0+dp0.001+ro0.01")!;
        Assert.Equal(("hea", 4, 16, 0.001), (noisy.Family, noisy.Qubits, noisy.Layers, noisy.P2!.Value));
        Assert.True(OutcomeMaps.Parse("bp-hea4-l8-zz-s0+dev-ibmq-manila-2024-05-27")!.Device);
        Assert.Null(OutcomeMaps.Parse("gorge8"));
        Assert.Null(OutcomeMaps.Parse("cls-wine-hea-local-ce-q8-l2"));
    }

    [Theory]
    [InlineData(8, 2, "L = 2")]
    [InlineData(8, 8, "L = n")]
    [InlineData(8, 24, "L = 3n")]
    [InlineData(8, 80, "L = 10n")]
    [InlineData(4, 16, "L = 16")]
    public void DepthClass_NamesTheGridsDepths(int qubits, int layers, string expected) =>
        Assert.Equal(expected, OutcomeMaps.DepthClass(qubits, layers));

    [Theory]
    [InlineData("nlr-la-adam@0.1_r1", "nlr-la-adam_r1")]
    [InlineData("nlr-las-sgd@1", "nlr-las-sgd")]
    [InlineData("nlr-la-sgd@0.03_rs4", "nlr-la-sgd_rs4")]
    public void Variant_LeavesOutTheRate(string optimizer, string expected) =>
        Assert.Equal(expected, OutcomeMaps.Variant(optimizer));

    [Fact]
    public void NetColour_RunsFromOrangeThroughGreyToBlue()
    {
        Assert.Equal(new ScottPlot.Color(0xD5, 0x5E, 0x00), OutcomeMaps.NetColour(-1));
        Assert.Equal(new ScottPlot.Color(0xF2, 0xF2, 0xF2), OutcomeMaps.NetColour(0));
        Assert.Equal(new ScottPlot.Color(0x00, 0x72, 0xB2), OutcomeMaps.NetColour(1));
        var half = OutcomeMaps.NetColour(-0.5);
        Assert.True(half.R > half.B && half.R < 0xF2 + 1 && half.B > 0x00, half.ToString());
    }
}
