window.YTD.tweets.part0 = [
{
 "tweet": {
  "id_str": "1",
  "id": "1",
  "full_text": "archived tweet 1 &amp; more",
  "created_at": "Wed Oct 10 20:19:24 +0000 2018",
  "favorite_count": "3",
  "retweet_count": "1",
  "lang": "en"
 }
},
{
 "tweet": {
  "id_str": "2",
  "id": "2",
  "created_at": "Wed Oct 10 20:19:24 +0000 2018",
  "favorite_count": "3",
  "retweet_count": "1",
  "lang": "en"
 }
},
{
 "tweet": {
  "id_str": "3",
  "id": "3",
  "full_text": "archived tweet 3 &amp; more",
  "created_at": "Wed Oct 10 20:19:24 +0000 2018",
  "favorite_count": "3",
  "retweet_count": "1",
  "lang": "en"
 }
}
]
