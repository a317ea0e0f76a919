# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python (newsanalysis)
#     language: python
#     name: newsanalysis
# ---

# %% [markdown]
# # 档案词频走势

# %% [markdown] tags=["notebook-only"]
# How often terms appear in a dated archive, period by period, per 10,000 tokens, from the tables that
# `newsanalysis corpus build 'data/raw/**/*.txt' --out data/corpus` wrote. `newsanalysis render --corpus DIR` runs
# this notebook into `reports/corpus/index.html`. Leave `terms` empty for the archive's most frequent terms.

# %% tags=["parameters"]
corpus_dir = ""  # corpus folder written by `newsanalysis corpus build`; "" means data/corpus
terms = ""  # comma-separated terms (\\uXXXX escapes allowed); "" means the archive's five most frequent terms
period = "month"  # day, week or month

# %%
from newsanalysis import charts, config, corpus
from newsanalysis.report import readers
folder = corpus_dir or config.corpus_dir()
wanted = corpus.chosen_terms(folder, terms)
trends = corpus.term_trends(folder, wanted, by=period) if wanted else None
readers.corpus_summary(corpus.corpus_overview(folder), wanted, period)

# %% [markdown]
# ## 走势

# %%
charts.trend_chart(trends) if trends is not None and len(trends) else readers.trends_table(trends, period)

# %% [markdown]
# ## 数据

# %%
readers.trends_table(trends, period)

# %% [markdown]
# ## 被引用最多的消息来源

# %%
readers.table(corpus.source_ranking(folder, top_n=15),
              {"speaker": "消息来源", "titles": "身份", "n_quotes": "引语条数", "n_pages": "版面数",
               "first_date": "首次", "last_date": "最近"},
              empty="档案中没有具名消息来源。", numeric=("n_quotes", "n_pages"))
