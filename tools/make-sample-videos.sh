#!/usr/bin/env bash
# How uSync/Media/files/report-*.webm were made: ten-second sample "broadcast reports" drawn by ffmpeg's own test
# sources (nothing downloaded), with a title in Be Vietnam Pro and a quiet tone, VP9 + Opus in WebM (about 100 KB each).
# The site never runs this; it is here so the committed videos are explained and can be made again:
#   apt-get install -y ffmpeg && tools/make-sample-videos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
font=src/Extensions/Media/Fonts/BeVietnamPro-Bold.ttf
out=uSync/Media/files

make() {
  local number=$1 colour=$2 title=$3 subtitle=$4
  ffmpeg -y -loglevel error \
    -f lavfi -i "color=c=${colour}:s=640x360:r=25:d=10" \
    -f lavfi -i "sine=frequency=330:sample_rate=48000:duration=10" \
    -filter_complex "[0:v]drawbox=x='mod(t*80,640)':y=300:w=120:h=12:color=white@0.6:t=fill,drawtext=fontfile=${font}:text='${title}':fontcolor=white:fontsize=34:x=(w-text_w)/2:y=120,drawtext=fontfile=${font}:text='${subtitle}':fontcolor=white@0.85:fontsize=22:x=(w-text_w)/2:y=180,drawtext=fontfile=${font}:text='%{eif\:t\:d}s':fontcolor=white@0.7:fontsize=18:x=20:y=20[v];[1:a]volume=0.05[a]" \
    -map "[v]" -map "[a]" -c:v libvpx-vp9 -b:v 60k -deadline good -cpu-used 4 -row-mt 1 -c:a libopus -b:a 16k \
    -metadata title="${title}" "${out}/report-${number}.webm"
}

make 1 0x6e1519 "SPCNCL 2025" "Demo — honouring ceremony / Lễ tôn vinh"
make 2 0x1f4e5f "SPCNCL Top 10" "Demo — inside a factory / Bên trong nhà máy"
