using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// The thresholds the NLR03xx and NLR04xx rules use, read from <c>.editorconfig</c> (or a global AnalyzerConfig) for
/// the file that declares the ansatz. Unset or unreadable values fall back to the defaults.
/// </summary>
/// <example>
/// <code>
/// [*.cs]
/// neglr.min_gradient_variance = 0.015625
/// neglr.global_cost_min_qubits = 6
/// neglr.max_entangling_depth_factor = 1.0
/// neglr.two_design_depth_factor = 1.0
/// neglr.max_state_vector_mb = 256
/// neglr.min_noise_gradient = 0.125
/// </code>
/// </example>
internal sealed class AnalyzerSettings
{
    public const string MinGradientVarianceKey = "neglr.min_gradient_variance";
    public const string GlobalCostMinQubitsKey = "neglr.global_cost_min_qubits";
    public const string MaxEntanglingDepthFactorKey = "neglr.max_entangling_depth_factor";
    public const string TwoDesignDepthFactorKey = "neglr.two_design_depth_factor";
    public const string MaxStateVectorMbKey = "neglr.max_state_vector_mb";
    public const string MinNoiseGradientKey = "neglr.min_noise_gradient";

    /// <summary>
    /// 1/8 = √(1/64): NLR0304 warns where Wang et al.'s bound on |∂C/∂θ| (relative to the term's |coefficient|) falls
    /// below the gradient scale the default variance threshold stands for — the shot noise of a 64-shot estimate.
    /// </summary>
    public const double DefaultMinNoiseGradient = 0.125;

    /// <summary>
    /// 2^−6: a gradient whose typical size is 1/8 of the cost's scale, about the shot noise of a 64-shot estimate —
    /// the budgets of the small devices NegLR targets. Set it near 1 / (shots per gradient component).
    /// </summary>
    public const double DefaultMinGradientVariance = 1.0 / 64;

    public const int DefaultGlobalCostMinQubits = 6;
    public const double DefaultMaxEntanglingDepthFactor = 1.0;
    public const double DefaultTwoDesignDepthFactor = 1.0;
    public const int DefaultMaxStateVectorMb = 256;

    public static AnalyzerSettings Default { get; } = new(DefaultMinGradientVariance, DefaultGlobalCostMinQubits,
        DefaultMaxEntanglingDepthFactor, DefaultTwoDesignDepthFactor, DefaultMaxStateVectorMb);

    public AnalyzerSettings(double minGradientVariance, int globalCostMinQubits, double maxEntanglingDepthFactor,
        double twoDesignDepthFactor, int maxStateVectorMb, double minNoiseGradient = DefaultMinNoiseGradient,
        ImmutableArray<AdditionalText> additionalFiles = default, string? projectDirectory = null)
    {
        MinNoiseGradient = minNoiseGradient;
        AdditionalFiles = additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles;
        ProjectDirectory = projectDirectory;
        MinGradientVariance = minGradientVariance;
        GlobalCostMinQubits = globalCostMinQubits;
        MaxEntanglingDepthFactor = maxEntanglingDepthFactor;
        TwoDesignDepthFactor = twoDesignDepthFactor;
        MaxStateVectorMb = maxStateVectorMb;
    }

    /// <summary>Trainability warnings need an estimated gradient variance (relative to Σ c²) below this.</summary>
    public double MinGradientVariance { get; }

    /// <summary>A cost term acting on at least this many qubits (as the rotations see it) is global.</summary>
    public int GlobalCostMinQubits { get; }

    /// <summary>A local cost stays trainable up to this many × log₂ n entangling layers in its light cone.</summary>
    public double MaxEntanglingDepthFactor { get; }

    /// <summary>A light cone with at least this many × its width entangling layers approaches a 2-design.</summary>
    public double TwoDesignDepthFactor { get; }

    /// <summary>One state vector larger than this many MiB is reported.</summary>
    public int MaxStateVectorMb { get; }

    /// <summary>NLR0304 warns where the noise-induced bound on a gradient (relative to the term's coefficient) falls below this.</summary>
    public double MinNoiseGradient { get; }

    /// <summary>The compilation's AdditionalFiles (where a [DeviceProfile] file is found).</summary>
    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    /// <summary>The project's directory (build_property.projectdir or MSBuildProjectDirectory), or null when the build does not say.</summary>
    public string? ProjectDirectory { get; }

    /// <summary>The settings that apply to <paramref name="tree"/>.</summary>
    public static AnalyzerSettings For(AnalyzerOptions options, SyntaxTree? tree)
    {
        if (tree is null)
        {
            return Default;
        }

        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        string? projectDirectory = global.TryGetValue("build_property.projectdir", out var dir) && !string.IsNullOrWhiteSpace(dir) ? dir
            : global.TryGetValue("build_property.msbuildprojectdirectory", out dir) && !string.IsNullOrWhiteSpace(dir) ? dir : null;
        return new AnalyzerSettings(
            Positive(config, MinGradientVarianceKey, DefaultMinGradientVariance),
            (int)Math.Round(Positive(config, GlobalCostMinQubitsKey, DefaultGlobalCostMinQubits)),
            Positive(config, MaxEntanglingDepthFactorKey, DefaultMaxEntanglingDepthFactor),
            Positive(config, TwoDesignDepthFactorKey, DefaultTwoDesignDepthFactor),
            (int)Math.Min(int.MaxValue, Math.Round(Positive(config, MaxStateVectorMbKey, DefaultMaxStateVectorMb))),
            Positive(config, MinNoiseGradientKey, DefaultMinNoiseGradient),
            options.AdditionalFiles,
            projectDirectory);
    }

    /// <summary>The largest number of layers a local cost stays trainable with on <paramref name="qubits"/> qubits.</summary>
    public int TrainableLayers(int qubits) => Math.Max(1, (int)Math.Floor(MaxEntanglingDepthFactor * Log2(qubits)));

    public static double Log2(double x) => Math.Log(x) / Math.Log(2);

    private static double Positive(AnalyzerConfigOptions config, string key, double fallback) =>
        config.TryGetValue(key, out var text)
        && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
        && value > 0 && !double.IsInfinity(value)
            ? value
            : fallback;
}
