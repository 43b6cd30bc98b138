namespace NegLR;

/// <summary>How the trainer gets gradients. Costs are counted as docs/optimizers.md describes.</summary>
public enum GradientMethod
{
    /// <summary>Adjoint in exact mode, parameter shift with shots, SPSA when the optimizer is <see cref="Spsa"/>.</summary>
    Auto = 0,

    /// <summary>Adjoint differentiation (exact mode only): one forward and one backward pass, counted as
    /// <see cref="TrainerOptions.AdjointEvaluationCost"/> circuit evaluations.</summary>
    Adjoint = 1,

    /// <summary>Parameter shift: 2 runs per trainable gate angle (4 for CRX/CRY/CRZ), plus 1 run for the loss itself.</summary>
    ParameterShift = 2,

    /// <summary>Central finite differences (exact mode only): 2 runs per weight plus 1 for the loss.</summary>
    FiniteDifference = 3,

    /// <summary>Simultaneous perturbation: 2 runs per estimate whatever the number of weights; the loss reported is their mean.</summary>
    Spsa = 4,
}
