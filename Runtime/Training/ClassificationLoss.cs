namespace NegLR;

/// <summary>Per-sample loss of a binary classifier whose output is f = ⟨O⟩ ∈ [−1, 1] (O is usually Z on one qubit).</summary>
public enum ClassificationLoss
{
    /// <summary>(f − y)² with y = ±1 (0/1 labels map to 2y − 1).</summary>
    MeanSquaredError = 0,

    /// <summary>Binary cross-entropy −[y ln p + (1 − y) ln(1 − p)] with p = (1 + f)/2 and y ∈ {0, 1} (±1 labels map to (y + 1)/2).</summary>
    CrossEntropy = 1,
}

/// <summary>How class labels are written.</summary>
public enum LabelEncoding
{
    /// <summary>Labels −1 and +1; +1 means ⟨O⟩ → +1.</summary>
    PlusMinusOne = 0,

    /// <summary>Labels 0 and 1; 1 means ⟨O⟩ → +1 (p = (1 + ⟨O⟩)/2 is the predicted probability of class 1).</summary>
    ZeroOne = 1,
}
