# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python (newsanalysis)
#     language: python
#     name: newsanalysis
# ---

# %% [markdown]
# # 词频走势 Term trends in the archive
#
# How often terms appear in a dated archive, period by period, per 10,000 tokens, from the tables that
# `newsanalysis corpus build 'data/raw/**/*.txt' --out data/corpus` wrote. Terms are given ASCII-safe: as
# `\uXXXX` escapes or plain text in a comma-separated list.

# %% tags=["parameters"]
corpus_dir = ""  # corpus folder written by `newsanalysis corpus build`; "" means data/corpus
terms = "\u589e\u957f,\u79bb\u5cb8\u8d38\u6613"  # comma-separated terms, \\uXXXX escapes allowed (default: growth, offshore trade)
period = "month"  # day, week or month

# %%
from newsanalysis import charts, config, corpus

trends = corpus.term_trends(corpus_dir or config.corpus_dir(), terms, by=period)

# %% [markdown]
# ## 走势 Trend

# %%
charts.trend_chart(trends)

# %% [markdown]
# ## 数据 The numbers

# %%
trends
