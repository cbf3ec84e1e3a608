#pragma once
// A realistic day of AI and finance tweets in Chinese and English, built in memory, with the
// term keys the terms stage would give each tweet. Topic i of `topics()` is what tweets whose
// id ends in "-i" (before the copy suffix) talk about.

#include <tweetdigest/ingest.hpp>
#include <tweetdigest/terms.hpp>

#include <string>
#include <vector>

namespace td_test {

struct SyntheticTopic {
    std::vector<std::string> sentences;  // tweet texts, cycled
    std::vector<std::string> terms;      // the topic's terms; each tweet gets most of them
    std::uint64_t likes = 0;             // engagement of the topic's first tweet
    int tweets = 0;
};

inline const std::vector<SyntheticTopic>& topics() {
    static const std::vector<SyntheticTopic> list = {
        {{"Anthropic 发布 Claude Code 新版本，支持多智能体并行编程，开发效率大幅提升。https://t.co/abc123",
          "RT @dev_cn: Claude Code 的子代理功能太强大了，重构整个仓库只用了十分钟。",
          "Claude Code now runs background agents that refactor a whole repo. Impressive work!"},
         {"claude code", "anthropic", "编程", "子代理", "重构"}, 9000, 9},
        {{"Kimi K2.5 开源，多模态推理接近闭源模型，成本只有十分之一。",
          "Kimi K2.5 weights are open: multimodal reasoning close to GPT-5 at a tenth of the cost.",
          "实测 Kimi K2.5 本地部署，视觉问答效果不错。"},
         {"kimi k2.5", "开源", "多模态", "权重", "本地部署"}, 5000, 8},
        {{"Nvidia GPU 供不应求，$NVDA 再创新高，H200 租赁价格继续上涨。",
          "$NVDA demand keeps outrunning supply; GPU rental prices are up again this week.",
          "英伟达数据中心收入超预期，$NVDA 盘后大涨。"},
         {"$nvda", "nvidia", "gpu", "租赁价格", "数据中心"}, 4000, 8},
        {{"比特币突破 10 万美元，ETF 资金持续流入，BTC 短期情绪乐观。",
          "Bitcoin broke $100k again as ETF inflows continue. BTC bulls are back.",
          "BTC 再次冲高，但杠杆过高，需警惕回调风险。"},
         {"比特币", "btc", "etf", "资金流入", "回调"}, 3500, 7},
        {{"Yann LeCun：LLM 无法理解物理世界，真正的智能体需要世界模型。",
          "LeCun says world models, not bigger LLMs, are the path to agentic systems.",
          "李飞飞也强调空间智能与世界模型的重要性。"},
         {"世界模型", "lecun", "物理世界", "空间智能", "llm"}, 3000, 7},
        {{"IMF 总裁在达沃斯警告：AI 将像海啸一样冲击就业市场，60% 的岗位受到影响。",
          "IMF warns AI will hit the labour market like a tsunami; 60% of jobs in advanced economies exposed.",
          "AI 对入门级岗位的冲击正在显现，担忧情绪上升。"},
         {"imf", "就业市场", "达沃斯", "岗位", "海啸"}, 2500, 6},
        {{"Sakana AI 宣布与 Google 达成战略合作并获得追加投资。",
          "Sakana AI announces a strategic partnership with Google, plus new funding.",
          "日本 AI 初创公司 Sakana AI 获谷歌投资，估值再创新高。"},
         {"sakana ai", "google", "战略合作", "追加投资", "初创公司"}, 2000, 6},
        {{"Figure AI 发布 Helix 02，人形机器人可以完成装碗等多步骤家务。",
          "Figure's Helix 02 humanoid loads a dishwasher end to end. Robotics is moving fast.",
          "特斯拉 Optimus 与 Figure Helix 02 同场竞技，机器人赛道升温。"},
         {"figure", "helix 02", "人形机器人", "optimus", "家务"}, 1500, 6},
        {{"Ollama 推出 ollama launch，一条命令在本地运行 Claude Code 与 OpenCode。",
          "ollama launch: one command to run coding agents locally with open models.",
          "用 ollama launch 在 Mac mini 上跑本地编程代理，体验流畅。"},
         {"ollama", "ollama launch", "mac mini", "opencode", "一条命令"}, 1200, 5},
        {{"高盛报告：台积电 CoWoS 产能 2025-2027 年将增长三倍，$TSM 受益。",
          "Goldman: TSMC CoWoS capacity to triple by 2027, a tailwind for $TSM and the AI supply chain.",
          "CoWoS 扩产加速，台积电先进封装成为 AI 算力瓶颈的关键。"},
         {"cowos", "台积电", "高盛", "产能", "先进封装"}, 1000, 5},
        {{"欧盟 AI 法案正式生效，通用模型提供商需要披露训练数据摘要。",
          "The EU AI Act obligations for general-purpose models take effect; providers must publish training data summaries.",
          "AI 法案带来的合规成本引发创业公司担忧。"},
         {"欧盟", "ai 法案", "合规", "训练数据", "披露"}, 800, 5},
        {{"Krea 实时图像编辑上线，边画边生成，设计师效率翻倍。",
          "Krea real-time image editing is live: draw and the image follows instantly.",
          "实时视频编辑工具 Krea 与 Kling 让创作门槛继续降低。"},
         {"krea", "实时图像编辑", "设计师", "kling", "创作门槛"}, 600, 4},
    };
    return list;
}

// A tweet with the given id, author and text at 2026-01-25 local (Asia/Shanghai) time.
inline td::Tweet make_tweet(const std::string& id, const std::string& username, const std::string& text,
                            std::uint64_t likes, std::int64_t created_at = 1769320800 /* 2026-01-25T06:00Z */) {
    td::Tweet tweet;
    tweet.id = id;
    tweet.created_at = created_at;
    tweet.local_date = td::LocalDate::parse("2026-01-25");
    tweet.author = {"u_" + username, username, "Name " + username, 1000};
    tweet.text = text;
    tweet.analysis_text = text;
    tweet.metrics.likes = likes;
    tweet.metrics.retweets = likes / 10;
    tweet.metrics.replies = likes / 20;
    tweet.dup_group = id;
    return tweet;
}

struct SyntheticDay {
    td::Corpus corpus;
    td::TermAnalysis terms;
    std::vector<int> topic_of;  // per corpus tweet
};

// `copies` replicates the day with fresh ids (for benchmarks); ids stay numeric.
inline SyntheticDay synthetic_day(std::size_t copies = 1) {
    SyntheticDay day;
    day.corpus.time_zone = "Asia/Shanghai";
    day.corpus.from = day.corpus.to = td::LocalDate::parse("2026-01-25");
    std::uint64_t next_id = 1900000000000000000ULL;
    for (std::size_t copy = 0; copy < copies; ++copy) {
        for (std::size_t t = 0; t < topics().size(); ++t) {
            const SyntheticTopic& topic = topics()[t];
            for (int i = 0; i < topic.tweets; ++i) {
                const std::string id = std::to_string(next_id++);
                const std::string user = "author" + std::to_string((t * 7 + std::size_t(i) * 3) % 23);
                const std::string& text = topic.sentences[std::size_t(i) % topic.sentences.size()];
                td::Tweet tweet = make_tweet(id, user, text, topic.likes / std::uint64_t(1 + 2 * i),
                                             1769320800 + std::int64_t(t * 600 + std::size_t(i) * 60));
                if (i == 1) tweet.dup_count = 3;  // two near-copies were folded onto it
                std::vector<std::string> keys;
                for (std::size_t k = 0; k < topic.terms.size(); ++k)
                    if (k != std::size_t(i) % topic.terms.size() || i == 0) keys.push_back(topic.terms[k]);
                keys.push_back("ai");
                keys.push_back("noise" + std::to_string((i * 13 + int(t)) % 17));
                day.corpus.tweets.push_back(std::move(tweet));
                day.terms.tweet_terms.push_back(std::move(keys));
                day.topic_of.push_back(int(t));
            }
        }
    }
    for (const SyntheticTopic& topic : topics()) {
        for (const std::string& key : topic.terms) {
            td::Term term;
            term.key = key;
            term.display = key == "claude code" ? "Claude Code" : key == "kimi k2.5" ? "Kimi K2.5" : key;
            term.score = double(topic.likes);
            day.terms.ranked.push_back(term);
            day.terms.stats.display[key] = term.display;
        }
    }
    day.corpus.counts.kept = day.corpus.tweets.size();
    return day;
}

}  // namespace td_test
