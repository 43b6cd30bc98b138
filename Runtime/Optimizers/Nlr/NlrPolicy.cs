namespace NegLR;

/// <summary>When the negative-learning-rate method takes an ascent step (docs/optimizers.md has the exact rules).</summary>
#if NEGLR_LINKED
internal
#else
public
#endif
enum NlrPolicy
{
    /// <summary>Try the descent step; if the loss there is worse than now, ascend instead. One extra loss evaluation per step.</summary>
    Lookahead = 0,

    /// <summary>After a descent step that raised the loss, the next K steps ascend.</summary>
    Reactive = 1,

    /// <summary>When an EMA of ‖g‖ stays below τ for W steps, K steps ascend.</summary>
    Plateau = 2,

    /// <summary>P descent steps, then N ascent steps, repeating.</summary>
    Periodic = 3,

    /// <summary>Each step starts an ascent phase with probability p (seeded).</summary>
    Stochastic = 4,
}
