using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>What the sidebar shows of the user's usage: the open chat's tokens and the day's.</summary>
public sealed record UsageFigures(long? ChatTokens, DailyUsage Today);
