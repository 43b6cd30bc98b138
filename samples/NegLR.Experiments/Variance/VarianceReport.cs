using System.Globalization;
using System.Linq;
using System.Text;
using NegLR.Experiments.Reporting;

namespace NegLR.Experiments.Variance;

/// <summary>report.md of the variance verb.</summary>
internal static class VarianceReport
{
    public static string Write(VarianceSummary s, VarianceConfig config, PlotResult plots)
    {
        var md = new StringBuilder();
        md.AppendLine("# Gradient variance against qubits and depth (barren plateaus)");
        md.AppendLine();
        md.AppendLine("Regenerate with:");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine(s.Command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine(Inv($"Each point: {s.Samples} uniformly random weight vectors in [0, 2π), exact adjoint gradients, measured by NegLR's barren-plateau probe in blocks (random circuits: a fresh circuit, i.e. fresh random gate axes, per block of 2 samples, one block of 3 when the count is odd; hea: at most {VarianceRunner.HeaBlocks} blocks). *random*: McClean et al. (Nat. Commun. 9, 4812, 2018): RY(π/4) on every qubit, then per layer a rotation about a random axis (X, Y or Z) on every qubit and a CZ ladder. *hea*: NegLR's hardware-efficient ansatz (RY and RZ on every qubit, then a CNOT ladder, per layer). Costs: *local* ⟨Z0⟩, *global* ⟨Z0 Z1 … Z(n−1)⟩. Statistic: the sample variance of ∂C/∂θ₁ (the first weight), as McClean et al., and its mean over all weights; each is the mean of the blocks' sample variances, with standard error sd/√blocks. Fits: weighted least squares of ln Var on n over n ≥ {s.FitMinQubits} (σ of ln Var = SE/Var; errors inflated by √χ²_red when the scatter exceeds them); κ is the decay rate in Var ∝ 2^(−κn). Deep-circuit reference (the circuit after the weight a unitary 2-design, d = 2ⁿ, Pauli-string cost): the first weight acts on a fixed product state, so its limit is Var ∂₁ = 2 Tr(O²) Var_ψ(P/2)/(d² − 1) = d/(3(d² − 1)) for the random circuits (RY(π/4)|0⟩ and a random axis: Var_ψ = 1/6) and d/(2(d² − 1)) for hea (RY on |0⟩: Var_ψ = 1/4); an interior weight's value is d²/(2(d² − 1)(d + 1)) ≈ 2^−(n+1). Either way κ → 1."));
        md.AppendLine();
        md.AppendLine("## Fitted decay rates");
        md.AppendLine();
        md.AppendLine("| ansatz | cost | layers | κ (first weight) | κ (mean over weights) | χ²_red | qubits fitted |");
        md.AppendLine("|---|---|---:|---|---|---:|---|");
        foreach (var f in s.Fits.Where(f => f.Statistic == "first"))
        {
            var all = s.Fits.First(g => g.Ansatz == f.Ansatz && g.Cost == f.Cost && g.Layers == f.Layers && g.Statistic == "all");
            md.AppendLine(Inv($"| {f.Ansatz} | {f.Cost} | {f.Layers} | {Num(f.DecayRateBits)} ± {Num(f.DecayRateBitsSe)} | {Num(all.DecayRateBits)} ± {Num(all.DecayRateBitsSe)} | {Num(f.ReducedChiSquared)} | {string.Join(", ", f.Qubits)} |"));
        }

        md.AppendLine();
        md.AppendLine("## Points");
        md.AppendLine();
        md.AppendLine("| ansatz | cost | qubits | layers | weights | mean ∂₁ | Var ∂₁ ± SE | mean-over-weights Var ± SE | 2-design limit of ∂₁ | (Var ∂₁ − limit)/SE |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---|---|---:|---:|");
        foreach (var p in s.Points)
        {
            md.AppendLine(Inv($"| {p.Ansatz} | {p.Cost} | {p.Qubits} | {p.Layers} | {p.Weights} | {p.MeanFirst:0.000E+0} | {p.VarianceFirst:0.000E+0} ± {p.VarianceFirstSe:0.0E+0} | {p.VarianceAll:0.000E+0} ± {p.VarianceAllSe:0.0E+0} | {p.TwoDesignFirst:0.000E+0} | {(p.VarianceFirstSe > 0 ? (p.VarianceFirst - p.TwoDesignFirst) / p.VarianceFirstSe : double.NaN):+0.0;-0.0} |"));
        }

        md.AppendLine();
        md.AppendLine("## Plots");
        md.AppendLine();
        if (!plots.Available)
        {
            md.AppendLine("Plots unavailable: " + plots.Reason);
        }
        else
        {
            foreach (var f in plots.Files)
            {
                md.AppendLine($"![{f.Title}]({f.Png})");
                md.AppendLine();
            }
        }

        return md.ToString();
    }

    private static string Num(double? v) => v is double x ? x.ToString("F3", CultureInfo.InvariantCulture) : "–";

    private static string Inv(System.FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
