namespace ChatbotOrleans.Silo.Usage;

/// <summary>One user's replies by one model in a day, summed from <c>reply_usage</c>.</summary>
internal sealed record UsageRow(Guid User, string Model, long Replies, long InputTokens, long OutputTokens, long EstimatedReplies);
