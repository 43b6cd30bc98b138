using System;
using System.Collections.Generic;

namespace NegLR.Experiments.Stats;

/// <summary>A fitted line ln y = Intercept + Slope·x with standard errors.</summary>
internal readonly record struct LineFit(double Slope, double SlopeSe, double Intercept, double InterceptSe, double ReducedChiSquared, int Points);

/// <summary>
/// Weighted least squares of ln y on x, for exponential decays y = A·e^{bx}: each point weighs 1/σ² with σ the standard
/// error of ln y (SE(y)/y by the delta method). Parameter errors come from the weights and, when the scatter exceeds
/// them (reduced χ² &gt; 1), are inflated by √χ²_red (the Birge ratio), so a poor fit cannot look precise.
/// </summary>
internal static class ExponentialFit
{
    public static LineFit FitLog(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> yStandardErrors)
    {
        int m = x.Count;
        if (m < 2 || y.Count != m || yStandardErrors.Count != m)
        {
            return new LineFit(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, m);
        }

        var ly = new double[m];
        var w = new double[m];
        for (int i = 0; i < m; i++)
        {
            ly[i] = Math.Log(y[i]);
            double s = yStandardErrors[i] / y[i];
            w[i] = s > 0 && double.IsFinite(s) ? 1 / (s * s) : 1;
        }

        return FitLine(x, ly, w);
    }

    /// <summary>Weighted straight-line fit of <paramref name="y"/> on <paramref name="x"/> with weights <paramref name="w"/> = 1/σ².</summary>
    public static LineFit FitLine(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> w)
    {
        int m = x.Count;
        double sw = 0, sx = 0, sy = 0;
        for (int i = 0; i < m; i++)
        {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
        }

        double xBar = sx / sw, yBar = sy / sw, sxx = 0, sxy = 0;
        for (int i = 0; i < m; i++)
        {
            sxx += w[i] * (x[i] - xBar) * (x[i] - xBar);
            sxy += w[i] * (x[i] - xBar) * (y[i] - yBar);
        }

        double slope = sxy / sxx;
        double intercept = yBar - (slope * xBar);
        double chi2 = 0;
        for (int i = 0; i < m; i++)
        {
            double r = y[i] - intercept - (slope * x[i]);
            chi2 += w[i] * r * r;
        }

        double reduced = m > 2 ? chi2 / (m - 2) : double.NaN;
        double inflate = m > 2 && reduced > 1 ? Math.Sqrt(reduced) : 1;
        double slopeSe = Math.Sqrt(1 / sxx) * inflate;
        double interceptSe = Math.Sqrt((1 / sw) + (xBar * xBar / sxx)) * inflate;
        return new LineFit(slope, slopeSe, intercept, interceptSe, reduced, m);
    }
}
