#!/usr/bin/env bash
# Regenerates every sample media file and media/catalog.json (sizes, sha256, durations).
# Needs ffmpeg and ffprobe (Debian: apt-get install ffmpeg). The output is committed, so nobody
# else needs ffmpeg. Everything is synthesised: sine-wave music, a test-pattern film.
set -euo pipefail
cd "$(dirname "$0")"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }

# An Opus-in-WebM track: a melody stepping through a scale, over a drone, with a slow swell.
# $1 file, $2 seconds, $3 root Hz, $4 notes per second, $5 scale step pattern (semitones, 8 of them),
# $6 bitrate (40k: the Normal quality; Harbour Lights also comes in Data saver and High, below)
track() {
  local file=$1 secs=$2 root=$3 rate=$4 steps=$5 bitrate=${6:-40k}
  local IFS=, ; set -- $steps
  local note="($1*eq(mod(floor(t*$rate),8),0)+$2*eq(mod(floor(t*$rate),8),1)+$3*eq(mod(floor(t*$rate),8),2)+$4*eq(mod(floor(t*$rate),8),3)+$5*eq(mod(floor(t*$rate),8),4)+$6*eq(mod(floor(t*$rate),8),5)+$7*eq(mod(floor(t*$rate),8),6)+$8*eq(mod(floor(t*$rate),8),7))"
  local melody="0.22*sin(2*PI*$root*2*pow(2,$note/12)*t)*(1-0.6*mod(t*$rate,1))"
  local drone="0.12*sin(2*PI*$root*t)+0.06*sin(2*PI*$root*1.5*t)"
  local swell="(0.6+0.4*sin(2*PI*t/$secs))"
  local expr="($melody+$drone)*$swell|($melody*0.8+$drone)*$swell"
  ff -f lavfi -i "aevalsrc=${expr//,/\\,}:s=48000:d=$secs" \
    -af "afade=t=in:d=1,afade=t=out:st=$((secs - 2)):d=2" -c:a libopus -b:a "$bitrate" -f webm "$file"
}

# Square cover art: a gradient or fractal with the title drawn on it.
cover() {
  local file=$1 source=$2 title=$3 artist=$4
  ff -f lavfi -i "$source" -frames:v 1 \
    -vf "scale=512:512,drawtext=fontfile=$FONT:text='$title':fontcolor=white:fontsize=44:x=(w-text_w)/2:y=h-130:shadowx=2:shadowy=2,drawtext=fontfile=$FONT:text='$artist':fontcolor=white@0.85:fontsize=26:x=(w-text_w)/2:y=h-70" \
    -q:v 6 "$file"
}

rm -rf albums movies && mkdir -p albums/harbour-lights albums/signal-garden movies/test-pattern

track albums/harbour-lights/01-low-tide.webm 24 110 2 "0,3,5,7,10,7,5,3"
track albums/harbour-lights/02-lantern-swell.webm 28 98 3 "0,2,3,7,8,7,3,2"
track albums/harbour-lights/03-night-ferry.webm 22 123 2 "0,5,7,12,10,7,5,0"
# The same three tracks in Data saver (24 kb/s) and High (96 kb/s): catalog.source.json names them.
track albums/harbour-lights/01-low-tide.low.webm 24 110 2 "0,3,5,7,10,7,5,3" 24k
track albums/harbour-lights/02-lantern-swell.low.webm 28 98 3 "0,2,3,7,8,7,3,2" 24k
track albums/harbour-lights/03-night-ferry.low.webm 22 123 2 "0,5,7,12,10,7,5,0" 24k
track albums/harbour-lights/01-low-tide.high.webm 24 110 2 "0,3,5,7,10,7,5,3" 96k
track albums/harbour-lights/02-lantern-swell.high.webm 28 98 3 "0,2,3,7,8,7,3,2" 96k
track albums/harbour-lights/03-night-ferry.high.webm 22 123 2 "0,5,7,12,10,7,5,0" 96k
cover albums/harbour-lights/cover.jpg "gradients=s=512x512:c0=0x0b1d3a:c1=0xf2a541:n=2:seed=7:d=1" "Harbour Lights" "The Stowaways"

track albums/signal-garden/01-pulse.webm 20 147 4 "0,4,7,11,12,11,7,4"
track albums/signal-garden/02-greenhouse.webm 22 131 3 "0,2,4,7,9,7,4,2"
track albums/signal-garden/03-relay.webm 20 165 5 "0,7,4,11,7,14,11,7"
track albums/signal-garden/04-last-light.webm 24 117 2 "0,4,5,9,7,5,4,2"
cover albums/signal-garden/cover.jpg "mandelbrot=s=512x512:end_pts=1" "Signal Garden" "Mira Okafor"

# The film: 24 s of test pattern with a running clock and a tone, as DASH (H.264 + AAC in fMP4,
# 4 s segments) in three video representations (240p, 480p, 720p: Data saver, Normal, High) and
# one audio, plus an English WebVTT track. one-quality-manifests.mjs then writes one manifest per
# quality, each listing one video representation, the audio and the subtitles.
movie=movies/test-pattern
ff -f lavfi -i "testsrc2=s=1280x720:r=24:d=24" -f lavfi -i "sine=f=440:b=2:d=24:r=48000" \
  -filter_complex "[0:v]drawtext=fontfile=$FONT:text='%{pts\:hms}':fontcolor=white:fontsize=84:box=1:boxcolor=black@0.6:x=(w-text_w)/2:y=h-132,split=3[a][b][c];[a]scale=426:240[v0];[b]scale=854:480[v1];[c]null[v2]" \
  -map "[v0]" -map "[v1]" -map "[v2]" -map 1:a \
  -c:v libx264 -profile:v main -preset veryfast -pix_fmt yuv420p -g 48 -keyint_min 48 -sc_threshold 0 \
  -b:v:0 180k -maxrate:v:0 220k -bufsize:v:0 360k -b:v:1 320k -maxrate:v:1 400k -bufsize:v:1 640k \
  -b:v:2 560k -maxrate:v:2 680k -bufsize:v:2 1120k -c:a aac -b:a 48k -ac 2 \
  -f dash -seg_duration 4 -use_template 1 -use_timeline 0 \
  -init_seg_name 'init-$RepresentationID$.m4s' -media_seg_name 'chunk-$RepresentationID$-$Number%03d$.m4s' \
  -adaptation_sets "id=0,streams=v id=1,streams=a" "$movie/manifest-all.mpd"
cat > "$movie/subtitles-en.vtt" <<'VTT'
WEBVTT

00:00:00.500 --> 00:00:04.000
Stand by: this is a test.

00:00:05.000 --> 00:00:09.000
Every offline seek lands on the right frame.

00:00:10.000 --> 00:00:15.000
The clock below counts the seconds.

00:00:16.000 --> 00:00:23.000
End of test pattern. Thank you for watching.
VTT
node one-quality-manifests.mjs "$movie"
cover "$movie/poster.jpg" "testsrc2=s=512x512:d=1" "Test Pattern" "Stowaway Studio"

bash make-artwork-sizes.sh
node write-catalog.mjs
