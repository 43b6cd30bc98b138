using System;
using System.IO;
using NegLR.Experiments.Reporting;

namespace NegLR.Experiments.Tests;

/// <summary>A figure's SVG bytes do not depend on how many figures the process drew before it.</summary>
public class SvgClipIdTests : ScratchTest
{
    [Fact]
    public void Renumber_CountsFromZeroInOrderOfFirstAppearance()
    {
        const string svg = """<clipPath id="cl_7c"/><g clip-path="url(#cl_7c)"/><clipPath id="cl_a1"/><g clip-path="url(#cl_a1)"/><text>cl_7c</text>""";
        Assert.Equal(
            """<clipPath id="cl_0"/><g clip-path="url(#cl_0)"/><clipPath id="cl_1"/><g clip-path="url(#cl_1)"/><text>cl_7c</text>""",
            SvgClipIds.Renumber(svg));
    }

    [Fact]
    public void TheSameFigure_DrawnAfterOthers_HasTheSameBytes()
    {
        string dir = Temp("svg-ids");
        string plots = Directory.CreateDirectory(Path.Combine(dir, "plots")).FullName;
        static ScottPlot.Plot Figure()
        {
            var plt = new ScottPlot.Plot();
            plt.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { 1, 0.5, 0.25 });
            plt.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { 1, 0.7, 0.6 });
            return plt;
        }

        var first = Plots.Save(Figure(), "t", "a", "x", plots, "first");
        for (int i = 0; i < 3; i++)
        {
            Plots.Save(Figure(), "t", "other" + i, "x", plots, "another figure in between");
        }

        var again = Plots.Save(Figure(), "t", "b", "x", plots, "the same figure again");
        string a = File.ReadAllText(Path.Combine(dir, first.Svg));
        string b = File.ReadAllText(Path.Combine(dir, again.Svg));
        Assert.Contains("cl_0", a, StringComparison.Ordinal);
        Assert.Equal(a, b);
    }
}
